package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The model reads {@code inspectionSettings.selfReportWorkingDays}: the bean's name, default and binding. */
class InspectionSettingsTest {

  @Configuration
  @EnableConfigurationProperties
  @Import(InspectionSettings.class)
  static class Settings {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void defaultsTo20WorkingDaysUnderTheNameTheModelUses() {
    runner.run(context -> assertThat(context.getBean("inspectionSettings", InspectionSettings.class)
        .getSelfReportWorkingDays()).isEqualTo(20));
  }

  @Test
  void bindsTheProperty() {
    runner.withPropertyValues("tuoyu.inspection.self-report-working-days=15")
        .run(context -> assertThat(context.getBean(InspectionSettings.class).getSelfReportWorkingDays()).isEqualTo(15));
  }

  @Test
  void refusesLessThanOneWorkingDayAtStart() {
    runner.withPropertyValues("tuoyu.inspection.self-report-working-days=0")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("至少为 1 个工作日"));
  }

  @Test
  void theApplicationConfigurationNamesTheSetting() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(yaml).contains("  inspection:\n").contains("self-report-working-days: 20");
    }
  }
}
