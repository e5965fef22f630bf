/*
 * 托育机构监管业务平台 – 系统管理 (Camunda Admin 7.24)
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
  name: '系统管理',
  vendor: '托育机构监管业务平台'
};

// The browser tab reads "托育机构监管业务平台 系统管理" from here on. The webjar's static index.html
// says "Camunda Admin" and the app's header sets vendor and name only once AngularJS
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
  }

  // No dateFormat here: unlike Tasklist and Cockpit, this app does not read it
  // (its date filter always uses LLL / LL / LLLL of the active language).
};
