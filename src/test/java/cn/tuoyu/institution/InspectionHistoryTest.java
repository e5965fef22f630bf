package cn.tuoyu.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuoyu.support.Registry;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consecutive-failure rule over real migrations (H2): fail+fail closes; fail+pass and fail, pass, fail do not. */
class InspectionHistoryTest {

  private static JdbcClient jdbc;
  private static int sequence;

  private InspectionHistory history;
  private String code;

  @BeforeAll
  static void database() {
    jdbc = JdbcClient.create(Registry.migrated("inspection-history"));
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
  void specialInspectionsAreNumberedPerYearAndLeaveTheAnnualRuleAlone() {
    assertThat(history.openSpecial(code, 2026, "群众举报", "baota-health-clerk")).isEqualTo(code + "-2026-S1");
    assertThat(history.openSpecial(code, 2026, "复查", "baota-health-clerk")).isEqualTo(code + "-2026-S2");
    assertThat(history.openSpecial(code, 2027, "举报", "baota-health-clerk")).isEqualTo(code + "-2027-S1");
    history.recordResultOf(code + "-2026-S1", InspectionResult.FAILED, "专项检查不合格");
    history.recordResultOf(code + "-2026-S2", InspectionResult.FAILED, "专项检查不合格");
    history.enterPriorResult(code, 2025, InspectionResult.FAILED, null, "admin");
    assertThat(history.resultOf(code, 2026)).isEmpty();
    assertThat(history.failedTwoYearsInARow(code, 2026)).as("special results are no annual review").isFalse();
    var row = history.find(code + "-2026-S1").orElseThrow();
    assertThat(row.kind()).isEqualTo("SPECIAL");
    assertThat(row.specialReason()).isEqualTo("群众举报");
    assertThat(row.result()).isEqualTo("FAILED");
    assertThatThrownBy(() -> history.openSpecial("52610602MJ9999999X", 2026, "举报", "x"))
        .hasMessageContaining("机构不存在");
  }

  @Test
  void theInspectionRecordCollectsSelfReportDeskReviewChecklistAndVerdict() {
    history.openAnnual(code, 2026, "campaign");
    String key = InspectionHistory.annualKey(code, 2026);
    history.recordSelfReport(key, new InspectionHistory.SelfReport("自查情况良好", 40, 10, 0));
    history.markSelfReportOverdue(key);
    history.recordDeskReview(key, "材料齐全", "baota-health-clerk");
    history.recordChecklist(key, new InspectionHistory.Checklist(new BigDecimal("95.5"), BigDecimal.valueOf(90),
        BigDecimal.valueOf(80), BigDecimal.valueOf(85), BigDecimal.valueOf(100), 0, "无"), "inspector-a");
    history.recordCoSign(key, "inspector-b");
    history.recordVerdict(key, "PASS", "年检合格。");
    var row = history.find(key).orElseThrow();
    assertThat(row.selfReport()).isEqualTo("自查情况良好");
    assertThat(row.selfReportChildren()).isEqualTo(40);
    assertThat(row.selfReportSubmittedAt()).isNotNull();
    assertThat(row.selfReportOverdue()).isTrue();
    assertThat(row.deskReviewNote()).isEqualTo("材料齐全");
    assertThat(row.safetyScore()).isEqualByComparingTo("95.5");
    assertThat(row.criticalFindings()).isZero();
    assertThat(row.inspector1()).isEqualTo("inspector-a");
    assertThat(row.inspector2()).isEqualTo("inspector-b");
    assertThat(row.inspectedAt()).isNotNull();
    assertThat(row.verdict()).isEqualTo("PASS");
    assertThatThrownBy(() -> history.recordVerdict(code + "-1999", "PASS", null))
        .hasMessageContaining("没有业务编号为 " + code + "-1999 的检查记录");
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
