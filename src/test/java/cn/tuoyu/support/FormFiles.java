package cn.tuoyu.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The Camunda Forms ({@code *.form}) of one folder, parsed, with the lookups the form tests share. */
public final class FormFiles {

  /** form-js bundled with the Tasklist of the webjar on the classpath. */
  public static final String BUNDLED_FORM_JS = "META-INF/resources/webjars/camunda/lib/deps.js";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The forms by file name without {@code .form}, in the order of the file names. */
  private final Map<String, JsonNode> forms;

  private FormFiles(Map<String, JsonNode> forms) {
    this.forms = forms;
  }

  /** Reads every {@code *.form} file of the folder. */
  public static FormFiles read(Path folder) throws IOException {
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.put(baseName(file), JSON.readTree(file.toFile()));
      }
    }
    return new FormFiles(forms);
  }

  /** The names of the forms, that is their file names without {@code .form}. */
  public Set<String> names() {
    return forms.keySet();
  }

  /** The whole schema of the named form. */
  public JsonNode form(String name) {
    return forms.get(name);
  }

  /** The schemas of all forms. */
  public Collection<JsonNode> all() {
    return forms.values();
  }

  /** The top-level components of the named form; a form without any fails the test. */
  public List<JsonNode> components(String name) {
    List<JsonNode> all = new ArrayList<>();
    forms.get(name).path("components").forEach(all::add);
    assertThat(all).as(name + " components").isNotEmpty();
    return all;
  }

  /** The components that bind a key, that is the fields. */
  public Stream<JsonNode> keyed(String name) {
    return components(name).stream().filter(c -> c.has("key"));
  }

  /** The keys the form binds, in the order they appear. */
  public List<String> keys(String name) {
    return keyed(name).map(c -> c.path("key").asText()).toList();
  }

  /** The keys of the fields marked {@code validate.required}. */
  public Set<String> requiredKeys(String name) {
    return keyed(name)
        .filter(c -> c.path("validate").path("required").asBoolean(false))
        .map(c -> c.path("key").asText())
        .collect(Collectors.toSet());
  }

  /** The field bound to the key; a missing one fails the test. */
  public JsonNode component(String name, String key) {
    return keyed(name)
        .filter(c -> c.path("key").asText().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " has no field " + key));
  }

  /** The static options of a select, radio or checklist field: value to label, in their order. */
  public Map<String, String> options(String name, String key) {
    Map<String, String> options = new LinkedHashMap<>();
    component(name, key)
        .path("values")
        .forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
    return options;
  }

  /** The property names of a JSON object, sorted; none for a missing node. */
  public static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  /** The file name without {@code .form}. */
  public static String baseName(Path file) {
    String fileName = file.getFileName().toString();
    return fileName.substring(0, fileName.length() - ".form".length());
  }

  /** The one form-js schemaVersion that {@link #BUNDLED_FORM_JS} reads. */
  public static int bundledSchemaVersion() throws IOException {
    try (InputStream in = FormFiles.class.getClassLoader().getResourceAsStream(BUNDLED_FORM_JS)) {
      assertThat(in).as(BUNDLED_FORM_JS + " on the classpath").isNotNull();
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher matcher = Pattern.compile("\\.schemaVersion=(\\d+)").matcher(script);
      Set<Integer> versions = new TreeSet<>();
      while (matcher.find()) {
        versions.add(Integer.parseInt(matcher.group(1)));
      }
      assertThat(versions).as("schemaVersion in " + BUNDLED_FORM_JS).hasSize(1);
      return versions.iterator().next();
    }
  }

  /** The values of the {@code static final String} constants of a class such as a process's Variables. */
  public static Set<String> stringConstants(Class<?> type) throws IllegalAccessException {
    Set<String> names = new TreeSet<>();
    for (Field field : type.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
        names.add((String) field.get(null));
      }
    }
    return names;
  }

  /** Collects into a map that keeps the order of the stream, as the options of a form do. */
  public static <T> Collector<T, ?, Map<String, String>> toOrderedMap(
      Function<T, String> key, Function<T, String> value) {
    return Collectors.toMap(key, value, (a, b) -> a, LinkedHashMap::new);
  }
}
