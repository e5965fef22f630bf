package cn.tuoyu.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The list of English that Camunda hard-codes in its webapps and its Chinese
 * ({@code app/common/scripts/hardcoded-texts-zh.json}, applied in the browser by
 * {@code hardcoded-texts-zh.js}): every entry is complete, Chinese, uses the terms of
 * {@code docs/webapp-glossary.md} and still names English that the Camunda webjar on the classpath
 * contains, so an upgrade that drops or moves a text shows up here. An entry for a family of texts
 * ({@code enPattern}, e.g. form-js's "Field must have maximum value of 100.") is English text with
 * plain capture groups only, so that it means the same in Java as in the browser, and turns its
 * {@code sample} into the sample's Chinese.
 */
class HardcodedTextsTest {

  private static final String APP_DIR = "META-INF/resources/webjars/camunda/app/";
  private static final String LIST = APP_DIR + "common/scripts/hardcoded-texts-zh.json";
  private static final String MODULE = APP_DIR + "common/scripts/hardcoded-texts-zh.js";
  private static final String WEBJAR = "camunda-webapp-webjar";
  private static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");
  private static final Path GLOSSARY = Path.of("docs", "webapp-glossary.md");

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z-]*");
  /** The capture groups an enPattern may use: anything, or a whole number. */
  private static final List<String> GROUPS = List.of("(.+)", "(\\d+)");
  /** $1 … $9 in the Chinese of an enPattern entry, as hardcoded-texts-zh.js replaces them. */
  private static final Pattern CAPTURED = Pattern.compile("\\$([1-9])");

  @Test
  void everyEntryIsCompleteAndChinese() {
    List<String> problems = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (JsonNode entry : entries()) {
      String en = english(entry);
      String zh = entry.path("zh").asText("");
      String where = entry.path("where").asText("");
      if (entry.has("en") == entry.has("enPattern")) {
        problems.add("an entry has either en or enPattern: " + entry);
      }
      if (en.isBlank() || !en.equals(en.strip()) || HAN.matcher(en).find()) {
        problems.add("en (or enPattern) must be English text without surrounding blanks: " + entry);
      }
      if (entry.has("en") && CAPTURED.matcher(zh).find()) {
        problems.add("$1 … stand for captured text only with enPattern: " + entry);
      }
      if (entry.has("enPattern")) {
        problems.addAll(patternProblems(entry));
      } else if (entry.has("sample")) {
        problems.add("sample belongs to enPattern entries: " + entry);
      }
      if (entry.has("webjar") && (!entry.get("webjar").isArray() || entry.get("webjar").isEmpty())) {
        problems.add("webjar lists the pieces of the English in Camunda's code: " + entry);
      }
      if (!HAN.matcher(zh).find() || !zh.equals(zh.strip())) {
        problems.add("zh must be Chinese without surrounding blanks: " + entry);
      }
      if (where.isBlank()) {
        problems.add("where must name the element the text sits in (CSS selector): " + entry);
      }
      if (entry.path("seen").asText("").isBlank()) {
        problems.add("seen must say where a person meets the text: " + entry);
      }
      if (entry.has("attr") && !ATTRIBUTE.matcher(entry.get("attr").asText()).matches()) {
        problems.add("attr must be an attribute name: " + entry);
      }
      if (entry.has("apps")) {
        for (JsonNode app : entry.get("apps")) {
          if (!APPS.contains(app.asText())) {
            problems.add("unknown app " + app + ": " + entry);
          }
        }
      }
      if (!keys.add(en + "|" + entry.path("attr").asText("") + "|" + where + "|" + entry.path("apps"))) {
        problems.add("twice: " + entry);
      }
    }
    assertThat(problems).as("%s", LIST).isEmpty();
  }

  /** The entries for form-js's messages really turn what Tasklist shows into the Chinese. */
  @Test
  void patternsTurnFormJsMessagesIntoChinese() {
    Map<String, String> seen = new LinkedHashMap<>();
    seen.put("Field must have maximum value of 100.", "不能大于 100。");
    seen.put("Field must have minimum value of 0.", "不能小于 0。");
    seen.put("Field must have maximum length of 200.", "不能超过 200 个字。");
    seen.put("Field must match pattern ^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$.", "格式不正确。");
    seen.put("Value is expected to have at most 1 decimal digit.", "最多保留 1 位小数。");
    seen.put("Expand all (12)", "全部展开（12）");
    seen.forEach((english, chinese) -> assertThat(chineseFor(english, "")).as(english).isEqualTo(chinese));
    assertThat(chineseFor("Remove list item 3", "aria-label")).isEqualTo("移除第 3 项");
    assertThat(chineseFor("Remove list item 3", "")).as("an attribute's entry leaves text nodes alone").isNull();

    assertThat(chineseFor("Field must have maximum value of 100. Please check", "")).as("only whole texts").isNull();
    assertThat(chineseFor("The field must have maximum value of 100.", "")).as("only whole texts").isNull();
    assertThat(chineseFor("Field is required.", "")).as("exact entries stay exact").isEqualTo("此项为必填项。");
  }

  @Test
  void chineseUsesTheTermsOfTheGlossary() throws IOException {
    Map<String, Set<String>> glossary = glossary();
    assertThat(glossary).as("terms read from %s", GLOSSARY)
        .containsEntry("job", Set.of("作业"))
        .containsEntry("incident", Set.of("异常"))
        .containsEntry("cockpit", Set.of("流程监控"));

    List<String> problems = new ArrayList<>();
    for (JsonNode entry : entries()) {
      String english = entry.has("enPattern") ? String.join(" ", parse(entry.get("enPattern").asText()).literals())
          : entry.get("en").asText();
      String words = words(english);
      String zh = entry.get("zh").asText();
      glossary.forEach((term, chinese) -> {
        if (Pattern.compile("(?<![a-z])" + Pattern.quote(term) + "s?(?![a-z])").matcher(words).find()
            && chinese.stream().noneMatch(zh::contains)) {
          problems.add("\"" + english + "\" -> \"" + zh + "\": the glossary says "
              + term + " = " + String.join(" / ", chinese));
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  /** An entry for English that Camunda no longer writes is dead weight, or its text moved. */
  @Test
  void everyEnglishTextIsInTheCamundaWebjar() {
    StringBuilder code = new StringBuilder();
    for (String app : APPS) {
      code.append(webjarText(APP_DIR + app + "/camunda-" + app + "-bootstrap.js"));
    }
    for (String app : List.of("tasklist", "cockpit", "admin")) {
      code.append(webjarText("META-INF/resources/plugin/" + app + "/app/plugin.js"));
    }
    code.append(webjarText("META-INF/resources/webjars/camunda/lib/deps.js"));

    List<String> missing = new ArrayList<>();
    for (JsonNode entry : entries()) {
      List<String> pieces = new ArrayList<>();
      if (entry.has("webjar")) {
        entry.get("webjar").forEach(piece -> pieces.add(piece.asText()));
      } else if (entry.has("enPattern")) {
        Parsed parsed = parse(entry.get("enPattern").asText());
        assertThat(parsed.optional()).as("%s: an optional part needs webjar", english(entry)).isFalse();
        pieces.addAll(parsed.literals());
      } else {
        pieces.add(entry.get("en").asText());
      }
      for (String piece : pieces) {
        if (!code.toString().contains(piece)) {
          missing.add(piece + " (" + english(entry) + ")");
        }
      }
    }
    assertThat(missing).as("English of %s that the Camunda webjar does not contain", LIST).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyAppLoadsTheModule(String app) throws IOException {
    assertThat(ownResource(MODULE)).as(MODULE).isNotNull();
    String config = text(ownResource(APP_DIR + app + "/scripts/config.js")).replaceAll("\\s+", " ");
    assertThat(config)
        .contains("customScripts: ['../common/scripts/hardcoded-texts-zh']")
        .contains("document.title = app.vendor + ' ' + app.name;");
  }

  // ---------------------------------------------------------------------------------------------

  private static List<JsonNode> entries() {
    URL list = ownResource(LIST);
    assertThat(list).as(LIST).isNotNull();
    try {
      JsonNode texts = new ObjectMapper().readTree(text(list)).path("texts");
      assertThat(texts.isArray() && !texts.isEmpty()).as("%s has a non-empty array texts", LIST).isTrue();
      List<JsonNode> entries = new ArrayList<>();
      texts.forEach(entries::add);
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** en, or enPattern for an entry of a family of texts; "" when there is neither. */
  private static String english(JsonNode entry) {
    return entry.has("enPattern") ? entry.get("enPattern").asText("") : entry.path("en").asText("");
  }

  private static List<String> patternProblems(JsonNode entry) {
    List<String> problems = new ArrayList<>();
    String source = entry.get("enPattern").asText("");
    Parsed parsed;
    Pattern pattern;
    try {
      parsed = parse(source);
      pattern = anchored(source);
    } catch (IllegalArgumentException e) {
      problems.add("enPattern must be English text with escaped punctuation and groups " + GROUPS + " ("
          + e.getMessage() + "): " + entry);
      return problems;
    }
    if (parsed.groups() == 0) {
      problems.add("enPattern without a group: use en: " + entry);
    }
    String zh = entry.path("zh").asText("");
    Matcher placeholder = CAPTURED.matcher(zh);
    while (placeholder.find()) {
      if (Integer.parseInt(placeholder.group(1)) > parsed.groups()) {
        problems.add("zh uses " + placeholder.group() + " but enPattern has " + parsed.groups() + " groups: " + entry);
      }
    }
    JsonNode sample = entry.path("sample");
    String sampleEn = sample.path("en").asText("");
    String sampleZh = sample.path("zh").asText("");
    if (sampleEn.isBlank() || sampleZh.isBlank()) {
      problems.add("sample must give a text as seen (en) and its Chinese (zh): " + entry);
      return problems;
    }
    Matcher matcher = pattern.matcher(sampleEn);
    if (!matcher.matches()) {
      problems.add("enPattern does not match its sample: " + entry);
    } else if (!withCaptured(zh, matcher).equals(sampleZh)) {
      problems.add("the sample becomes \"" + withCaptured(zh, matcher) + "\", not \"" + sampleZh + "\": " + entry);
    }
    return problems;
  }

  /**
   * What hardcoded-texts-zh.js makes of a form-js text (attr "") or attribute value in Tasklist, by
   * the list: exact entries first, then patterns; null when nothing.
   */
  private static String chineseFor(String english, String attr) {
    List<JsonNode> formJs = entries().stream()
        .filter(entry -> !entry.has("apps") || entry.get("apps").toString().contains("\"tasklist\""))
        .filter(entry -> entry.path("attr").asText("").equals(attr) && entry.path("where").asText().contains("fjs-"))
        .toList();
    for (JsonNode entry : formJs) {
      if (entry.has("en") && entry.get("en").asText().equals(english)) {
        return entry.get("zh").asText();
      }
    }
    for (JsonNode entry : formJs) {
      if (entry.has("enPattern")) {
        Matcher matcher = anchored(entry.get("enPattern").asText()).matcher(english);
        if (matcher.matches()) {
          return withCaptured(entry.get("zh").asText(), matcher);
        }
      }
    }
    return null;
  }

  /** The pattern as hardcoded-texts-zh.js compiles it: the whole text or nothing. */
  private static Pattern anchored(String source) {
    return Pattern.compile("^(?:" + source + ")$");
  }

  /** zh with $1 … $9 replaced by the captured text, as withCaptured in hardcoded-texts-zh.js. */
  static String withCaptured(String zh, Matcher match) {
    return CAPTURED.matcher(zh).replaceAll(placeholder -> {
      int group = Integer.parseInt(placeholder.group(1));
      String captured = group <= match.groupCount() ? match.group(group) : placeholder.group();
      return Matcher.quoteReplacement(captured == null ? "" : captured);
    });
  }

  /**
   * An enPattern read as what it may be: literal English (punctuation escaped with a backslash),
   * groups of {@link #GROUPS}, and ? after a literal character ("digits?"). Anything else of
   * regular expressions is refused, so the pattern means the same to Java and to the browser.
   */
  record Parsed(List<String> literals, int groups, boolean optional) {}

  static Parsed parse(String source) {
    List<String> literals = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int groups = 0;
    boolean optional = false;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      int at = i;
      String group = GROUPS.stream().filter(g -> source.startsWith(g, at)).findFirst().orElse(null);
      if (group != null) {
        if (literal.length() > 0) {
          literals.add(literal.toString());
          literal.setLength(0);
        }
        groups++;
        i += group.length();
      } else if (c == '\\') {
        if (i + 1 >= source.length() || Character.isLetterOrDigit(source.charAt(i + 1))) {
          throw new IllegalArgumentException("\\ before a letter, digit or nothing at " + i);
        }
        literal.append(source.charAt(i + 1));
        i += 2;
      } else if (c == '?') {
        if (literal.length() == 0 || i > 0 && source.charAt(i - 1) == ')') {
          throw new IllegalArgumentException("? after no literal character at " + i);
        }
        optional = true;
        i++;
      } else if ("()[]{}*+|^$.".indexOf(c) >= 0) {
        throw new IllegalArgumentException("unescaped " + c + " at " + i);
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      literals.add(literal.toString());
    }
    return new Parsed(literals, groups, optional);
  }

  /** "failedExternalTask" -> "failed external task", "Failed Job" -> "failed job". */
  static String words(String english) {
    return english.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  /**
   * English term (lower case) -> its Chinese, from the tables of the sections "The applications"
   * and "Terms" of the glossary. A cell "suspend / suspended" | "挂起 / 已挂起" gives two terms;
   * parenthesised remarks are dropped; an English term with several Chinese (name: 姓名 or 名称)
   * accepts any of them.
   */
  static Map<String, Set<String>> glossary() throws IOException {
    Map<String, Set<String>> terms = new LinkedHashMap<>();
    String section = "";
    for (String line : Files.readAllLines(GLOSSARY, StandardCharsets.UTF_8)) {
      if (line.startsWith("## ")) {
        section = line.substring(3).strip();
        continue;
      }
      if (!(section.equals("The applications") || section.equals("Terms")) || !line.startsWith("|")) {
        continue;
      }
      String[] cells = line.split("\\|");
      if (cells.length < 3 || !HAN.matcher(cells[2]).find()) {
        continue; // the header and separator rows
      }
      List<String> english = alternatives(cells[1]);
      List<String> chinese = alternatives(cells[2]);
      for (int i = 0; i < english.size(); i++) {
        String term = english.get(i).toLowerCase(Locale.ROOT);
        if (term.isEmpty() || HAN.matcher(term).find()) {
          continue;
        }
        Set<String> meaning = terms.computeIfAbsent(term, t -> new LinkedHashSet<>());
        if (english.size() == chinese.size()) {
          meaning.add(chinese.get(i));
        } else {
          meaning.addAll(chinese);
        }
      }
    }
    terms.replaceAll((term, chinese) -> Collections.unmodifiableSet(chinese));
    return terms;
  }

  private static List<String> alternatives(String cell) {
    List<String> result = new ArrayList<>();
    for (String part : cell.replaceAll("\\([^)]*\\)", "").split("/")) {
      String term = part.replace("`", "").strip();
      if (!term.isEmpty()) {
        result.add(term);
      }
    }
    return result;
  }

  private static String webjarText(String path) {
    try {
      List<URL> inWebjar = Collections.list(HardcodedTextsTest.class.getClassLoader().getResources(path))
          .stream().filter(url -> url.toString().contains(WEBJAR)).toList();
      assertThat(inWebjar).as("%s in the %s jar", path, WEBJAR).hasSize(1);
      return text(inWebjar.get(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our file (src/main/resources), never the webjar's; null when there is none. */
  private static URL ownResource(String path) {
    try {
      return Collections.list(HardcodedTextsTest.class.getClassLoader().getResources(path)).stream()
          .filter(url -> !url.toString().contains(WEBJAR))
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }
}
