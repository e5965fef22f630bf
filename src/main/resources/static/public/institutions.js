// 托育机构信息公示: search form, result table and paging over /api/public.
// Data is only ever put into the page as text (textContent), never as HTML.
(function () {
  'use strict';

  var API = '../api/public/';
  var PAGE_SIZE = 20;

  var form = document.getElementById('search');
  var nameInput = document.getElementById('name');
  var countySelect = document.getElementById('county');
  var summary = document.getElementById('summary');
  var table = document.getElementById('results');
  var tbody = table.querySelector('tbody');
  var empty = document.getElementById('empty');
  var error = document.getElementById('error');
  var pager = document.getElementById('pager');
  var prev = document.getElementById('prev');
  var next = document.getElementById('next');
  var pageInfo = document.getElementById('page-info');

  var COLUMNS = ['机构名称', '统一社会信用代码', '所在区县', '机构性质', '普惠', '备案状态', '备案日期', '年审结果', '托位数'];

  var state = { name: '', county: '', page: 1 };
  // Only the answer to the latest request is shown, however the answers arrive.
  var latest = 0;

  function readLocation() {
    var params = new URLSearchParams(window.location.search);
    state.name = params.get('name') || '';
    state.county = params.get('county') || '';
    var page = parseInt(params.get('page'), 10);
    state.page = page > 0 ? page : 1;
    nameInput.value = state.name;
  }

  // The address bar keeps the query, so a result can be bookmarked or shared.
  function writeLocation() {
    var params = new URLSearchParams();
    if (state.name) { params.set('name', state.name); }
    if (state.county) { params.set('county', state.county); }
    if (state.page > 1) { params.set('page', String(state.page)); }
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
  }

  function getJson(path) {
    return fetch(API + path, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        if (!response.ok) {
          var message = body && body.detail ? body.detail : '查询失败，请稍后重试。';
          if (body && body.errors && body.errors.length) {
            message = body.errors.map(function (e) { return e.message; }).join('；');
          }
          throw new Error(message);
        }
        return body;
      });
    });
  }

  function loadCounties() {
    return getJson('counties').then(function (counties) {
      counties.forEach(function (county) {
        var option = document.createElement('option');
        option.value = county.code;
        option.textContent = county.name;
        countySelect.appendChild(option);
      });
    }).catch(function () {
      // The list still works without the county filter.
    }).then(function () {
      countySelect.value = state.county;
      if (countySelect.value !== state.county) {
        state.county = '';
      }
    });
  }

  function search() {
    var request = ++latest;
    var params = new URLSearchParams({ page: String(state.page), size: String(PAGE_SIZE) });
    if (state.name) { params.set('name', state.name); }
    if (state.county) { params.set('county', state.county); }
    writeLocation();
    summary.textContent = '正在查询…';
    error.hidden = true;
    form.setAttribute('aria-busy', 'true');
    getJson('institutions?' + params.toString()).then(function (result) {
      if (request === latest) { render(result); }
    }).catch(function (e) {
      if (request === latest) { showError(e.message || '查询失败，请稍后重试。'); }
    }).then(function () {
      if (request === latest) { form.removeAttribute('aria-busy'); }
    });
  }

  function render(result) {
    var pages = Math.max(1, Math.ceil(result.total / result.size));
    if (result.items.length === 0 && result.total > 0 && state.page > pages) {
      // A bookmarked page that no longer exists: show the last one instead.
      state.page = pages;
      search();
      return;
    }
    tbody.textContent = '';
    result.items.forEach(function (item) { tbody.appendChild(row(item)); });
    table.hidden = result.items.length === 0;
    empty.hidden = result.items.length !== 0;
    summary.textContent = result.total > 0 ? '共 ' + result.total + ' 家机构' : '';
    pager.hidden = result.total <= result.size;
    pageInfo.textContent = '第 ' + result.page + ' / ' + pages + ' 页';
    prev.disabled = result.page <= 1;
    next.disabled = result.page >= pages;
  }

  function row(item) {
    var tr = document.createElement('tr');
    var name = cell(tr, 0, item.name);
    name.classList.add('name');
    if (item.address) {
      var address = document.createElement('span');
      address.className = 'address';
      address.textContent = item.address;
      name.appendChild(address);
    }
    if (item.status === 'CLOSED' || item.status === 'DEREGISTERED') {
      name.appendChild(closure(item));
    }
    cell(tr, 1, item.creditCode).classList.add('code');
    cell(tr, 2, item.countyName);
    cell(tr, 3, item.natureLabel);
    cell(tr, 4, item.inclusive ? '是' : '否');
    var status = cell(tr, 5, '');
    var badge = document.createElement('span');
    badge.className = 'badge badge-' + String(item.filingStatus).toLowerCase().replace(/[^a-z_]/g, '');
    badge.textContent = item.filingStatusLabel;
    status.appendChild(badge);
    cell(tr, 6, item.filedAt || '—');
    var review = cell(tr, 7, item.latestReviewYear ? '' : '—');
    if (item.latestReviewYear) {
      var result = document.createElement('span');
      result.className = 'badge badge-review-' + String(item.latestReviewResult).toLowerCase().replace(/[^a-z_]/g, '');
      result.textContent = item.latestReviewYear + '年 ' + item.latestReviewResultLabel;
      review.appendChild(result);
    }
    cell(tr, 8, String(item.totalCapacity)).classList.add('num');
    return tr;
  }

  // 已关闭 / 已注销, and the announcement to the public (向社会公告) once published.
  function closure(item) {
    var box = document.createElement('span');
    box.className = 'closure';
    var status = document.createElement('span');
    status.className = 'badge badge-closed';
    status.textContent = item.statusLabel;
    box.appendChild(status);
    if (item.closureAnnouncementDate) {
      var details = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = '关闭公告（' + item.closureAnnouncementDate + '）';
      details.appendChild(summary);
      var text = document.createElement('p');
      text.className = 'announcement';
      text.textContent = item.closureAnnouncement || '';
      details.appendChild(text);
      box.appendChild(details);
    }
    return box;
  }

  function cell(tr, column, text) {
    var td = document.createElement('td');
    // The label is shown in front of the value where the table becomes cards (phones).
    td.setAttribute('data-label', COLUMNS[column]);
    if (column === 0) {
      var strong = document.createElement('span');
      strong.className = 'name-text';
      strong.textContent = text;
      td.appendChild(strong);
    } else {
      td.textContent = text;
    }
    tr.appendChild(td);
    return td;
  }

  function showError(message) {
    tbody.textContent = '';
    table.hidden = true;
    empty.hidden = true;
    pager.hidden = true;
    summary.textContent = '';
    error.textContent = message;
    error.hidden = false;
  }

  function go(page) {
    state.page = page;
    search();
    summary.scrollIntoView({ block: 'start' });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    state.name = nameInput.value.trim();
    state.county = countySelect.value;
    go(1);
  });

  form.addEventListener('reset', function (event) {
    event.preventDefault();
    nameInput.value = '';
    countySelect.value = '';
    state.name = '';
    state.county = '';
    go(1);
  });

  prev.addEventListener('click', function () { go(state.page - 1); });
  next.addEventListener('click', function () { go(state.page + 1); });

  readLocation();
  loadCounties().then(search);
})();
