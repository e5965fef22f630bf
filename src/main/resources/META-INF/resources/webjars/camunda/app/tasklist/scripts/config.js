/*
 * 托育机构监管业务平台 – 任务中心 (Camunda Tasklist 7.24)
 *
 * The Spring Boot starter serves this file from our classpath in place of the
 * webjar's scripts/config.js, so it replaces the Camunda defaults as a whole:
 * every setting the app needs is written out here.
 *
 * Language: Camunda looks only at the first language of the browser
 * (navigator.languages[0], e.g. "zh-CN" -> "zh", "en-US" -> "en"). If that
 * language is listed in availableLocales it is used; any other language gets
 * fallbackLocale. There is no language switch in the UI and no stored choice.
 */

// The shortcut descriptions are shown as written, not through locales/*.json,
// so they follow the same rule as the app: English only for an English browser.
const nav = window.navigator;
const firstLanguage = (Array.isArray(nav.languages) ? nav.languages[0] : nav.language) || '';
const english = firstLanguage.split('-')[0].toLowerCase() === 'en';

const app = {
  name: '任务中心',
  vendor: '托育机构监管业务平台'
};

// The browser tab reads "托育机构监管业务平台 任务中心" from here on. The webjar's static index.html
// says "Camunda Tasklist" and the app's header sets vendor and name only once AngularJS
// runs; this file is the first of ours the app loads, so the tab changes here, earliest.
document.title = app.vendor + ' ' + app.name;

export default {
  app,

  // English that Camunda writes into its code instead of locales/*.json ("Failed Job", the app
  // menu's "Cockpit", "Actions" …) is replaced in Chinese by this module, shared by the four apps
  // (app/common/scripts/, the path is relative to this app's folder).
  customScripts: ['../common/scripts/hardcoded-texts-zh'],

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },

  // moment.js formats; L, LL, LLL and LLLL are taken from the active language's
  // dateLocales (zh: "2025-03-04", "2025年3月4日 14:30"), so English stays English.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: english ? 'Claim the selected task' : '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: english ? 'Move the focus to the first filter' : '将焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: english ? 'Move the focus to the first task of the list' : '将焦点移到任务列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: english ? 'Move the focus to the first field of the task form' : '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: english ? 'Open the dialog to start a process' : '打开“发起流程”对话框'
    }
  }
};
