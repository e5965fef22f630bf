/*
 * 托育机构监管业务平台 – Chinese for the English that Camunda 7.24 hard-codes in its webapps.
 *
 * Most texts of the webapps come from locales/zh.json. A few are written into Camunda's JavaScript
 * or templates and never pass angular-translate: the incident type "Failed Job", the "Actions"
 * header of the variables table, the app names in the header's app menu, bpmn-js's "no diagram to
 * display" ... They are listed, with their Chinese, in hardcoded-texts-zh.json next to this file.
 *
 * Loading: each app's scripts/config.js names this file in customScripts. Camunda imports custom
 * scripts as ES modules (import() from the app's own bootstrap code, so the content security
 * policy's 'strict-dynamic' admits them; the policy stays as it is) after its AngularJS modules are
 * defined and before it starts the app. A default export would be taken for a Cockpit plugin, so
 * this module exports nothing.
 *
 * Language: the texts are replaced only while the app shows Chinese, as its $translate service
 * says (the browser's first language if the app has it, else the fallback zh; see config.js).
 * In English nothing is observed and nothing changes.
 *
 * Replacing: a MutationObserver looks at text nodes (and the attribute an entry names) that the
 * app adds or changes. A text is replaced only when its whole trimmed text equals an English text
 * of the list and it sits inside the element the entry names (a CSS selector such as
 * ".incidents-tab td.type"), so names and values people enter (variables, users, groups) stay as
 * they are even when they happen to read "Admin" or "Actions". Surrounding white space is kept;
 * nothing is parsed as HTML.
 *
 * Families of texts: form-js (Camunda Forms in Tasklist) writes numbers and the field's own settings
 * into its messages ("Field must have maximum value of 100."). An entry with enPattern instead of
 * en matches such a family: enPattern is the source of a JavaScript regular expression that must
 * match the WHOLE trimmed text (it is anchored here, ^(?:…)$), and $1 … $9 in its zh stand for what
 * the groups of the pattern captured ("不能大于 $1。" -> "不能大于 100。"); a $ followed by anything
 * else stays as it is. The same rules hold as for en: inside where, text or the named attribute,
 * whole text only, and the result is set as text, never as HTML. Exact entries are looked up first.
 *
 * The date picker of Camunda Forms (flatpickr, bundled with form-js) writes its calendar from its
 * own English locale: month and weekday names, screen-reader labels. While the app shows Chinese,
 * its default locale is set to Chinese (the names of docs/webapp-glossary.md, week from Monday)
 * before a form creates a picker; nothing of the page is replaced for it.
 *
 * The browser tab title is set by each app's config.js, which the app loads before this module.
 */

const base = document.querySelector('base');
const appName = (base && base.getAttribute('app-name')) || '';
const config =
  window['cam' + appName.charAt(0).toUpperCase() + appName.slice(1) + 'Conf'] || {};

// --- the list ----------------------------------------------------------------------------------

/** English text -> entries for this app, each {zh, where, attr}; filled once the list has arrived. */
const texts = new Map();
/** Entries for this app that match a family of texts, each {pattern, zh, where, attr}, in list order. */
const patterns = [];
/** Attributes named by some entry (e.g. "title"); text nodes are always looked at. */
const attributes = new Set();
/** Longer text nodes cannot be one of the short fragments: skip them without trimming. */
const MAX_LENGTH = 500;

const loaded = fetch(new URL('hardcoded-texts-zh.json', import.meta.url), {cache: 'no-cache'})
  .then(response => {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.json();
  })
  .then(list => {
    for (const entry of list.texts) {
      if (entry.apps && entry.apps.indexOf(appName) < 0) {
        continue;
      }
      if (entry.attr) {
        attributes.add(entry.attr);
      }
      if (entry.enPattern) {
        patterns.push({
          pattern: new RegExp('^(?:' + entry.enPattern + ')$'),
          zh: entry.zh,
          where: entry.where,
          attr: entry.attr || null
        });
        continue;
      }
      if (!texts.has(entry.en)) {
        texts.set(entry.en, []);
      }
      texts.get(entry.en).push({zh: entry.zh, where: entry.where, attr: entry.attr || null});
    }
  })
  .catch(error => console.error('hardcoded-texts-zh: list not loaded', error));

// --- replacing ---------------------------------------------------------------------------------

/** The Chinese for {@code value} at {@code element} (text when attr is null), or null. */
function chineseFor(value, element, attr) {
  if (!element || value.length > MAX_LENGTH) {
    return null;
  }
  const english = value.trim();
  if (!english) {
    return null;
  }
  for (const entry of texts.get(english) || []) {
    if (entry.attr === attr && element.closest(entry.where)) {
      return value.replace(english, () => entry.zh);
    }
  }
  for (const entry of patterns) {
    const match = entry.attr === attr && entry.pattern.exec(english);
    if (match && element.closest(entry.where)) {
      return value.replace(english, () => withCaptured(entry.zh, match));
    }
  }
  return null;
}

/** zh with $1 … $9 replaced by what the pattern captured (nothing for a group that took no part). */
function withCaptured(zh, match) {
  return zh.replace(/\$([1-9])/g, (placeholder, group) =>
    Number(group) < match.length ? match[Number(group)] || '' : placeholder);
}

function translateText(node) {
  const chinese = chineseFor(node.data, node.parentElement, null);
  if (chinese !== null) {
    node.data = chinese;
  }
}

function translateAttribute(element, attr) {
  const value = element.getAttribute(attr);
  const chinese = value === null ? null : chineseFor(value, element, attr);
  if (chinese !== null) {
    element.setAttribute(attr, chinese);
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    translateText(walker.currentNode);
  }
  for (const attr of attributes) {
    if (root.hasAttribute(attr)) {
      translateAttribute(root, attr);
    }
    for (const element of root.querySelectorAll('[' + attr + ']')) {
      translateAttribute(element, attr);
    }
  }
}

const observer = new MutationObserver(mutations => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') {
      translateText(mutation.target);
    } else if (mutation.type === 'attributes') {
      translateAttribute(mutation.target, mutation.attributeName);
    } else {
      for (const node of mutation.addedNodes) {
        translateTree(node);
      }
    }
  }
});

// --- the date picker of Camunda Forms ------------------------------------------------------------

const DATE_PICKER_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动以调整',
  toggleTitle: '点击切换',
  yearAriaLabel: '年份',
  monthAriaLabel: '月份',
  hourAriaLabel: '时',
  minuteAriaLabel: '分'
};
/** What flatpickr had before Chinese was set: its default locale and its defaults (the label format of a day). */
let datePickerEnglish = null;

/** Sets or gives back the Chinese of flatpickr (a global of the bundled form-js); later pickers use it. */
function datePickerInChinese(chinese) {
  const flatpickr = window.flatpickr;
  if (!flatpickr || !flatpickr.l10ns || typeof flatpickr.localize !== 'function') {
    return;
  }
  if (chinese && !datePickerEnglish) {
    datePickerEnglish = {
      locale: Object.assign({}, flatpickr.l10ns.default),
      defaults: flatpickr.defaultConfig
    };
    flatpickr.localize(DATE_PICKER_ZH);
    flatpickr.setDefaults({ariaDateFormat: 'Y年n月j日'});
  } else if (!chinese && datePickerEnglish) {
    flatpickr.localize(datePickerEnglish.locale);
    flatpickr.defaultConfig = datePickerEnglish.defaults;
    datePickerEnglish = null;
  }
}

let observing = false;

/** Starts replacing when the app shows Chinese, stops when it shows another language. */
function follow(language) {
  const chinese = (language || '').toLowerCase().split(/[-_]/)[0] === 'zh';
  datePickerInChinese(chinese);
  if (chinese && !observing) {
    observing = true;
    loaded.then(() => {
      if (!observing) {
        return;
      }
      observer.observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: attributes.size > 0,
        attributeFilter: attributes.size > 0 ? Array.from(attributes) : undefined
      });
      translateTree(document.body);
    });
  } else if (!chinese && observing) {
    observing = false;
    observer.disconnect();
  }
}

// --- which language ----------------------------------------------------------------------------

/** The apps' own rule, for when their $translate service cannot be reached. */
function languageOfTheBrowser() {
  const locales = config.locales || {};
  const available = locales.availableLocales || ['en'];
  const nav = window.navigator;
  const first = ((Array.isArray(nav.languages) ? nav.languages[0] : nav.language) || '').split('-')[0];
  return available.indexOf(first.toLowerCase()) > -1 ? first.toLowerCase() : locales.fallbackLocale || 'en';
}

let customModule = null;
try {
  // Created by Camunda for customisations and started together with the app.
  customModule = window.angular && window.angular.module('cam.' + appName + '.custom');
} catch (notThere) {
  customModule = null;
}

if (customModule) {
  customModule.run([
    '$rootScope',
    '$translate',
    function ($rootScope, $translate) {
      follow($translate.use() || $translate.proposedLanguage() || $translate.preferredLanguage());
      $rootScope.$on('$translateChangeSuccess', (event, change) => follow(change && change.language));
    }
  ]);
} else {
  follow(languageOfTheBrowser());
}
