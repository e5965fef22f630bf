package cn.tuoyu.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the engine test cannot see: the model's bean names are the beans Spring creates, and the
 * settings in application.yaml bind to {@link RectificationSettings}.
 */
class RectificationWiringTest {

  static final Path MODEL = Path.of("processes", "rectification", "RectificationProcess.bpmn");

  /** Beans of other packages the model uses. */
  static final Set<String> OTHER_BEANS = Set.of("workdays");

  @Test
  void everyBeanTheModelNamesExists() throws IOException {
    String xml = Files.readString(MODEL);
    Set<String> named = new TreeSet<>();
    Matcher delegate = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(xml);
    while (delegate.find()) {
      named.add(delegate.group(1));
    }
    Matcher settings = Pattern.compile("\\$\\{[^}]*?\\b(rectificationSettings|workdays)\\.").matcher(xml);
    while (settings.find()) {
      named.add(settings.group(1));
    }
    Set<String> beans = Arrays.stream(RectificationDelegates.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Bean.class)).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    beans.add(RectificationSettings.class.getAnnotation(Component.class).value());
    beans.addAll(OTHER_BEANS);
    assertThat(named).hasSize(11).isEqualTo(beans);
  }

  @Test
  void applicationYamlSetsTheDocumentedDefaults() throws IOException {
    PropertySource<?> yaml = new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yaml")).get(0);
    RectificationSettings settings = new RectificationSettings();
    settings.setMaxReviewRounds(5);
    Binder.get(new org.springframework.core.env.StandardEnvironment() {
      {
        getPropertySources().addFirst(yaml);
      }
    }).bind("tuoyu.rectification", Bindable.ofInstance(settings));
    assertThat(settings.getMaxReviewRounds()).isEqualTo(RectificationSettings.DEFAULT_MAX_REVIEW_ROUNDS);
    assertThat(settings.getPenaltyDepartment()).isEqualTo(RectificationSettings.DEFAULT_PENALTY_DEPARTMENT);
  }

  @Test
  void aBadSettingStopsTheBinding() {
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
        "tuoyu.rectification.max-review-rounds", "0")));
    assertThatThrownBy(() -> binder.bind("tuoyu.rectification", Bindable.ofInstance(new RectificationSettings())))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("整改复查次数");
    Binder department = new Binder(new MapConfigurationPropertySource(Map.of(
        "tuoyu.rectification.penalty-department", "fire-brigade")));
    assertThatThrownBy(() -> department.bind("tuoyu.rectification", Bindable.ofInstance(new RectificationSettings())))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("行政处罚部门");
  }
}
