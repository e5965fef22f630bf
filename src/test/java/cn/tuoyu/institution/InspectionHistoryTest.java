package cn.tuoyu.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The consecutive-failure rule over real migrations (H2): fail+fail closes; fail+pass and fail, pass, fail do not. */
class InspectionHistoryTest {

  private static JdbcClient jdbc;
  private static int sequence;

  private InspectionHistory history;
  private String code;

  @BeforeAll
  static void database() {
    DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:inspection-history;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
  }

  @BeforeEach
  void institution() {
    history = new InspectionHistory(jdbc);
    String first17 = "52610602MJ" + String.format("%07d", ++sequence);
    code = first17 + CreditCode.checkCharacter(first17);
    new InstitutionRepository(jdbc).insert(new Institution(code, "历史测试托育园" + sequence, InstitutionNature.FOR_PROFIT,
        false, "610602", "宝塔区", "张三", 0, 10, 10, BigDecimal.TEN, "approval", null, OffsetDateTime.now(),
        InstitutionStatus.FILED, false, null, null), "test");
  }

  @Test
  void twoFailedYearsInARowCount() {
    history.openAnnual(code, 2025, "campaign");
    history.recordResult(code, 2025, InspectionResult.FAILED, "整改不合格");
    history.openAnnual(code, 2026, "campaign");
    assertThat(history.failedTwoYearsInARow(code, 2026)).as("2026 still open").isFalse();
    history.recordResult(code, 2026, InspectionResult.FAILED, "整改不合格");
    assertThat(history.failedTwoYearsInARow(code, 2026)).isTrue();
  }

  @Test
  void aPassInBetweenBreaksTheRow() {
    history.enterPriorResult(code, 2024, InspectionResult.FAILED, "纸质档案补录", "admin");
    history.openAnnual(code, 2025, "campaign");
    history.recordResult(code, 2025, InspectionResult.PASSED, null);
    history.openAnnual(code, 2026, "campaign");
    history.recordResult(code, 2026, InspectionResult.FAILED, null);
    assertThat(history.failedTwoYearsInARow(code, 2025)).isFalse();
    assertThat(history.failedTwoYearsInARow(code, 2026)).isFalse();
  }

  @Test
  void aYearEnteredByHandBeforeTheSystemCounts() {
    history.enterPriorResult(code, 2025, InspectionResult.FAILED, "纸质档案补录", "admin");
    history.openAnnual(code, 2026, "campaign");
    history.recordResult(code, 2026, InspectionResult.FAILED, null);
    assertThat(history.failedTwoYearsInARow(code, 2026)).isTrue();
  }

  @Test
  void theAnnualInspectionOfAYearOpensOnce() {
    assertThat(history.openAnnual(code, 2026, "campaign")).isTrue();
    assertThat(history.openAnnual(code, 2026, "campaign")).isFalse();
    assertThatThrownBy(() -> history.enterPriorResult(code, 2026, InspectionResult.PASSED, null, "admin"))
        .hasMessageContaining("不能重复补录");
    assertThatThrownBy(() -> history.recordResult(code, 2020, InspectionResult.PASSED, null))
        .hasMessageContaining("2020 年没有");
  }
}
