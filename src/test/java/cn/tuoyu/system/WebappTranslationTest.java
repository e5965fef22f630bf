package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese texts of the Camunda webapps (Tasklist, Cockpit, Admin, Welcome) cover every English
 * text of the Camunda version on the classpath.
 *
 * <p>The English side is read from the Camunda webjar itself, so an engine upgrade that adds or
 * changes texts makes this test fail until {@code zh.json} follows. The Chinese side is our own
 * {@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/zh.json}, which the
 * Spring Boot starter serves next to the webjar's files.
 */
class WebappTranslationTest {

  private static final String APP_DIR = "META-INF/resources/webjars/camunda/app/";
  private static final String WEBJAR = "camunda-webapp-webjar";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {{ name }}, {{count}} (angular-translate) and %d, %s (moment.js relative times). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}|%[ds]");

  /**
   * Something tag-shaped such as {@code <a href="…">}, {@code </a>}, {@code <br/>}; only real HTML
   * elements count as tags, so pseudo-values like {@code <null>} or {@code <version>} are text.
   */
  private static final Pattern TAG = Pattern.compile("<\\s*(/?)\\s*([A-Za-z][A-Za-z0-9-]*)([^<>]*)>");

  /** Technical words that stay as they are in Chinese. */
  private static final Pattern SAME_IN_CHINESE =
      Pattern.compile("\\b(BPMN|DMN|CMMN|ID|REST|URL|JSON|XML|CSV)\\b");

  /** HTML elements the webapps' texts use; anything else in angle brackets is translatable text. */
  private static final Set<String> HTML_ELEMENTS = Set.of("a", "b", "br", "code", "div", "em", "h1", "h2",
      "h3", "h4", "hr", "i", "li", "ol", "p", "pre", "small", "span", "strong", "sup", "sub", "table",
      "tbody", "td", "th", "thead", "tr", "u", "ul", "img", "button", "label", "input", "kbd");

  /** A moment.js format made only of localized-format tokens, e.g. calendar.sameElse = "L". */
  private static final Pattern MOMENT_FORMAT_ONLY = Pattern.compile("(LTS|LT|L{1,4}|l{1,4})");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseCoversEveryEnglishText(String app) {
    String english = APP_DIR + app + "/locales/en.json";
    String chinese = APP_DIR + app + "/locales/zh.json";

    JsonNode en = read(webjarResource(english));
    URL zh = ownResource(chinese);
    if (zh == null) {
      fail(
          "%s: missing file src/main/resources/%s (not on the classpath). "
              + "Every webapp needs its Chinese texts; the file must hold all %d texts of the webjar's en.json.",
          app, chinese, flatten(en).size());
    }

    List<String> problems = check(en, read(zh));

    assertThat(problems)
        .withFailMessage(
            "%s/locales/zh.json: %d problem(s) against the webjar's en.json:%n  %s",
            app, problems.size(), String.join(System.lineSeparator() + "  ", problems))
        .isEmpty();
  }

  @Test
  void everyKindOfProblemInADoctoredFileIsReported() {
    JsonNode en = read(getClass().getResource("/webapp-translation/en.json"));
    JsonNode zh = read(getClass().getResource("/webapp-translation/zh-doctored.json"));

    List<String> problems = check(en, zh);

    // exactly these: the fixture's sound entries ("ID", "<=", "<null>", "", "{{name}}" for
    // "{{ name }}", the moment.js formats "L" and "HH:mm") must not be reported
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "missing: labels.CLAIM_TASK (English: \"Claim\")",
            "placeholders differ: labels.GROUP_EDIT_DELETE_CONFIRM: English [{{group}}], Chinese [{{组}}]",
            "placeholders differ: dateLocales.relativeTime.future: English [%s], Chinese []",
            "HTML tags differ: labels.FIRST_LOGIN_INFO: English [<a href=\"/camunda-welcome\">, </a>], Chinese []",
            "untranslated: labels.FILTER_CREATE = \"Create a filter\"",
            "untranslated: dateLocales.months[1] = \"February\"",
            "wrong type: labels.COMPLETE (English: \"Complete\")",
            "not in English (obsolete?): labels.REMOVED_IN_THIS_VERSION",
            "dateLocales.week.dow must be 1 (weeks start on Monday), is 0",
            "dateLocales.longDateFormat.LT must be a 24-hour time without h/a/A, is \"h:mm A\"",
            "dateLocales.longDateFormat.LL must be a Chinese date with 年, is \"D MMMM YYYY\"");
  }

  /**
   * docs/webapp-glossary.md: a text that apps share (same key, same English) reads the same in each
   * of them, so the header, the dialogs and the messages do not change wording between apps.
   */
  @Test
  void sharedTextsReadTheSameInEveryApp() {
    List<String> apps = List.of("tasklist", "cockpit", "admin", "welcome");
    Map<String, Map<String, JsonNode>> english = new LinkedHashMap<>();
    Map<String, Map<String, JsonNode>> chinese = new LinkedHashMap<>();
    for (String app : apps) {
      english.put(app, flatten(read(webjarResource(APP_DIR + app + "/locales/en.json"))));
      URL zh = ownResource(APP_DIR + app + "/locales/zh.json");
      assertThat(zh).as("%s/locales/zh.json", app).isNotNull();
      chinese.put(app, flatten(read(zh)));
    }

    List<String> problems = new ArrayList<>();
    Set<String> keys = new TreeSet<>();
    english.values().forEach(texts -> keys.addAll(texts.keySet()));
    for (String key : keys) {
      Map<String, List<String>> appsByEnglish = new LinkedHashMap<>();
      for (String app : apps) {
        JsonNode en = english.get(app).get(key);
        if (en != null && en.isTextual()) {
          appsByEnglish.computeIfAbsent(en.asText(), e -> new ArrayList<>()).add(app);
        }
      }
      for (List<String> sharing : appsByEnglish.values()) {
        Map<String, String> zhByApp = new LinkedHashMap<>();
        for (String app : sharing) {
          JsonNode zh = chinese.get(app).get(key);
          zhByApp.put(app, zh == null ? null : zh.asText());
        }
        if (zhByApp.values().stream().distinct().count() > 1) {
          problems.add(key + ": " + zhByApp);
        }
      }
    }
    assertThat(problems)
        .withFailMessage("texts with the same key and English but different Chinese:%n  %s",
            String.join(System.lineSeparator() + "  ", problems))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configMakesChineseTheFallbackAndNamesThePlatform(String app) throws IOException {
    URL config = ownResource(APP_DIR + app + "/scripts/config.js");
    assertThat(config).as("src/main/resources/%s%s/scripts/config.js", APP_DIR, app).isNotNull();
    String js;
    try (InputStream in = config.openStream()) {
      js = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    }

    assertThat(js)
        .contains("export default {")
        .contains("availableLocales: ['zh', 'en']")
        .contains("fallbackLocale: 'zh'")
        .contains("vendor: '托育机构监管业务平台'");
  }

  // ---------------------------------------------------------------------------------------------
  // The check itself

  /** Every problem of {@code zh} measured against {@code en}, one line each. */
  static List<String> check(JsonNode en, JsonNode zh) {
    Map<String, JsonNode> english = flatten(en);
    Map<String, JsonNode> chinese = flatten(zh);
    List<String> problems = new ArrayList<>();

    english.forEach(
        (path, enValue) -> {
          JsonNode zhValue = chinese.get(path);
          if (zhValue == null) {
            problems.add("missing: " + path + " (English: " + enValue + ")");
          } else if (enValue.isTextual() != zhValue.isTextual()
              || enValue.isNumber() != zhValue.isNumber()) {
            problems.add("wrong type: " + path + " (English: " + enValue + ")");
          } else if (enValue.isTextual()) {
            checkText(path, enValue.asText(), zhValue.asText(), problems);
          }
        });
    chinese.keySet().stream()
        .filter(path -> !english.containsKey(path))
        .forEach(path -> problems.add("not in English (obsolete?): " + path));

    if (en.has("dateLocales")) {
      checkChineseDates(zh.path("dateLocales"), problems);
    }
    return problems;
  }

  private static void checkText(String path, String en, String zh, List<String> problems) {
    List<String> enPlaceholders = placeholders(en);
    List<String> zhPlaceholders = placeholders(zh);
    if (!sorted(enPlaceholders).equals(sorted(zhPlaceholders))) {
      problems.add(
          "placeholders differ: " + path + ": English " + enPlaceholders + ", Chinese " + zhPlaceholders);
    }
    List<String> enTags = tags(en);
    List<String> zhTags = tags(zh);
    if (!sorted(enTags).equals(sorted(zhTags))) {
      problems.add("HTML tags differ: " + path + ": English " + enTags + ", Chinese " + zhTags);
    }
    if (en.strip().equals(zh.strip()) && !needsNoTranslation(path, en)) {
      problems.add("untranslated: " + path + " = \"" + en + "\"");
    }
  }

  /**
   * A text may stay as in English when nothing is left to translate once placeholders, HTML tags
   * and the allowed technical words are taken away (e.g. "ID", "&lt;", "{{count}}", "&lt;null&gt;",
   * ""), and for moment.js format strings (dateLocales.longDateFormat, "L").
   */
  private static boolean needsNoTranslation(String path, String en) {
    if (path.startsWith("dateLocales.longDateFormat.") || MOMENT_FORMAT_ONLY.matcher(en).matches()) {
      return true;
    }
    String rest = PLACEHOLDER.matcher(en).replaceAll(" ");
    rest = TAG.matcher(rest).replaceAll(" ");
    rest = SAME_IN_CHINESE.matcher(rest).replaceAll(" ");
    return rest.codePoints().noneMatch(Character::isLetter);
  }

  /** Chinese conventions: Monday first, 24-hour clock, 年月日 dates. */
  private static void checkChineseDates(JsonNode dates, List<String> problems) {
    JsonNode dow = dates.path("week").path("dow");
    if (dow.isNumber() && dow.asInt() != 1) {
      problems.add("dateLocales.week.dow must be 1 (weeks start on Monday), is " + dow.asInt());
    }
    JsonNode time = dates.path("longDateFormat").path("LT");
    if (time.isTextual() && time.asText().replaceAll("\\[[^]]*]", "").matches(".*[hAa].*")) {
      problems.add(
          "dateLocales.longDateFormat.LT must be a 24-hour time without h/a/A, is \"" + time.asText() + "\"");
    }
    JsonNode longDate = dates.path("longDateFormat").path("LL");
    if (longDate.isTextual() && !longDate.asText().contains("年")) {
      problems.add(
          "dateLocales.longDateFormat.LL must be a Chinese date with 年, is \"" + longDate.asText() + "\"");
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1) == null ? m.group() : "{{" + m.group(1) + "}}");
    }
    return found;
  }

  private static List<String> tags(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = TAG.matcher(text);
    while (m.find()) {
      if (!HTML_ELEMENTS.contains(m.group(2).toLowerCase())) {
        continue;
      }
      found.add("<" + m.group(1) + m.group(2).toLowerCase() + m.group(3).replaceAll("\\s+", " ").stripTrailing() + ">");
    }
    return found;
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.sort(copy);
    return copy;
  }

  /** Leaves by path: labels.CLAIM_TASK, dateLocales.months[0], dateLocales.week.dow. */
  static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** The file inside the Camunda webjar, never a copy of ours with the same path. */
  private static URL webjarResource(String path) {
    List<URL> inWebjar =
        resources(path).stream().filter(url -> url.toString().contains(WEBJAR)).toList();
    assertThat(inWebjar).as("%s in the %s jar on the classpath", path, WEBJAR).hasSize(1);
    return inWebjar.get(0);
  }

  /** Our file (from src/main/resources), never the webjar's; null when there is none. */
  private static URL ownResource(String path) {
    return resources(path).stream()
        .filter(url -> !url.toString().contains(WEBJAR))
        .findFirst()
        .orElse(null);
  }

  private static List<URL> resources(String path) {
    try {
      return Collections.list(WebappTranslationTest.class.getClassLoader().getResources(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads JSON written as UTF-8, with or without the byte order mark the webjar's files start with. */
  private static JsonNode read(URL url) {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }
}
