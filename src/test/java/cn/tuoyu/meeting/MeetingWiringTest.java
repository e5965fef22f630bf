package cn.tuoyu.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.support.CronExpression;

/**
 * What the engine test cannot see: the model's bean names are the beans Spring creates, application.yaml
 * binds to {@link MeetingSettings}, and bad settings stop the start.
 */
class MeetingWiringTest {

  static final Path MODEL = Path.of("processes", "meeting", "JointMeetingProcess.bpmn");

  /** Beans of other packages, and the service the model calls for collections and deadlines. */
  static final Set<String> OTHER_BEANS = Set.of("workdays", "supervisors", "meetingService");

  @Test
  void everyBeanTheModelNamesExists() throws IOException {
    String xml = Files.readString(MODEL);
    Set<String> named = new TreeSet<>();
    Matcher delegate = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(xml);
    while (delegate.find()) {
      named.add(delegate.group(1));
    }
    Matcher calls = Pattern.compile("\\$\\{!?(\\w+)\\.\\w+\\(").matcher(xml);
    while (calls.find()) {
      if (!calls.group(1).equals("execution")) { // the engine's own variable, not a bean
        named.add(calls.group(1));
      }
    }
    Set<String> beans = Arrays.stream(MeetingDelegates.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Bean.class)).map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    beans.addAll(OTHER_BEANS);
    assertThat(named).hasSize(21).isEqualTo(beans);
    assertThat(MeetingService.class.getAnnotation(org.springframework.stereotype.Service.class).value())
        .as("default bean name meetingService").isEmpty();
  }

  @Test
  void applicationYamlSetsTheDocumentedDefaults() throws IOException {
    PropertySource<?> yaml = new YamlPropertySourceLoader()
        .load("application", new ClassPathResource("application.yaml")).get(0);
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(yaml);
    MeetingSettings settings = Binder.get(environment).bind("tuoyu.meeting", MeetingSettings.class).get();
    assertThat(settings).isEqualTo(MeetingSettings.defaults());
  }

  @Test
  void aQuarterlyScheduleIsACronSpringAccepts() {
    CronExpression quarterly = CronExpression.parse("0 0 9 1 1,4,7,10 *");
    assertThat(quarterly.next(LocalDate.of(2026, 2, 12).atStartOfDay())).isEqualTo(LocalDate.of(2026, 4, 1).atTime(9, 0));
    assertThat(MeetingService.regularTitle(LocalDate.of(2026, 4, 1))).isEqualTo("2026年第二季度婴幼儿照护服务工作联席会议");
    assertThat(MeetingService.regularTitle(LocalDate.of(2026, 12, 1))).startsWith("2026年第四季度");
  }

  @Test
  void badSettingsStopTheBinding() {
    assertThatThrownBy(() -> bind(Map.of("tuoyu.meeting.report-working-days", "0")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("工作进展通报期限");
    assertThatThrownBy(() -> bind(Map.of("tuoyu.meeting.report-working-days", "3",
        "tuoyu.meeting.reminder-working-days-before", "3")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("催办提前工作日数");
    assertThatThrownBy(() -> bind(Map.of("tuoyu.meeting.scheduled-county", "city")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("定期会议的层级");
    assertThat(bind(Map.of("tuoyu.meeting.reminder-working-days-before", "0")).reminderWorkingDaysBefore()).isZero();
  }

  private static MeetingSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("tuoyu.meeting", MeetingSettings.class);
  }
}
