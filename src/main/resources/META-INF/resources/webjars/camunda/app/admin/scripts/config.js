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

export default {
  app: {
    name: '系统管理',
    vendor: '托育机构监管业务平台'
  },

  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }

  // No dateFormat here: unlike Tasklist and Cockpit, this app does not read it
  // (its date filter always uses LLL / LL / LLLL of the active language).
};
