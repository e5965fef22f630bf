package cn.tuoyu.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** tuoyu.closure.* as Spring Boot binds it, and the small texts and parsers of ClosureService. */
class ClosureSettingsTest {

  @Test
  void deregistrationWorkingDaysDefaultTo10AndCanBeSet() {
    assertThat(bind(Map.of()).deregistrationWorkingDays()).isEqualTo(10);
    assertThat(bind(Map.of("tuoyu.closure.deregistration-working-days", "15")).deregistrationWorkingDays())
        .isEqualTo(15);
    assertThatThrownBy(() -> bind(Map.of("tuoyu.closure.deregistration-working-days", "0")))
        .hasRootCauseMessage("tuoyu.closure.deregistration-working-days 应为正整数，实际为 0");
  }

  @Test
  void checklistValuesAreReadFromJsonListsOrText() {
    assertThat(ClosureService.ids(null)).isEmpty();
    assertThat(ClosureService.ids("[\"3\", \"5\"]")).containsExactly("3", "5");
    assertThat(ClosureService.ids("3, 5,")).containsExactly("3", "5");
    assertThat(ClosureService.ids(List.of(7L, 7L))).containsExactly("7");
  }

  @Test
  void idNumbersAreMaskedInLabels() {
    assertThat(ClosureService.masked("61060219900101001X")).isEqualTo("610602********001X");
    assertThat(ClosureService.masked("123")).isEqualTo("（号码无效）");
  }

  @Test
  void failedYearsNameAMissingYear() {
    assertThat(ClosureService.failedYears(List.of(new ClosureRepository.ReviewResult(2026, "FAILED", null, false)),
        2026)).isEqualTo("2025 年度年审：无记录\n2026 年度年审：不合格");
  }

  private static ClosureSettings bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("tuoyu.closure", ClosureSettings.class);
  }
}
