/*
 * 托育机构监管业务平台 – 流程监控 (Camunda Cockpit 7.24)
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

const app = {
  name: '流程监控',
  vendor: '托育机构监管业务平台'
};

// The browser tab reads "托育机构监管业务平台 流程监控" from here on. The webjar's static index.html
// says "Camunda Cockpit" and the app's header sets vendor and name only once AngularJS
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
  }
};
