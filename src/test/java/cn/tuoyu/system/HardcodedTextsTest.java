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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The list of English that Camunda hard-codes in its webapps and its Chinese
 * ({@code app/common/scripts/hardcoded-texts-zh.json}, applied in the browser by
 * {@code hardcoded-texts-zh.js}): every entry is complete, Chinese, uses the terms of
 * {@code docs/webapp-glossary.md} and still names English that the Camunda webjar on the classpath
 * contains, so an upgrade that drops or moves a text shows up here.
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

  @Test
  void everyEntryIsCompleteAndChinese() {
    List<String> problems = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (JsonNode entry : entries()) {
      String en = entry.path("en").asText("");
      String zh = entry.path("zh").asText("");
      String where = entry.path("where").asText("");
      if (en.isBlank() || !en.equals(en.strip()) || HAN.matcher(en).find()) {
        problems.add("en must be English text without surrounding blanks: " + entry);
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
      if (!keys.add(en + "|" + entry.path("attr").asText("") + "|" + where)) {
        problems.add("twice: " + entry);
      }
    }
    assertThat(problems).as("%s", LIST).isEmpty();
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
      String words = words(entry.get("en").asText());
      String zh = entry.get("zh").asText();
      glossary.forEach((term, chinese) -> {
        if (Pattern.compile("(?<![a-z])" + Pattern.quote(term) + "s?(?![a-z])").matcher(words).find()
            && chinese.stream().noneMatch(zh::contains)) {
          problems.add("\"" + entry.get("en").asText() + "\" -> \"" + zh + "\": the glossary says "
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
      if (!code.toString().contains(entry.get("en").asText())) {
        missing.add(entry.get("en").asText());
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
