package cn.tuoyu.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.closure.ClosureRepository;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.registration.RegistrationFixtures;
import cn.tuoyu.support.Registry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public read model over the migrated schema (H2): the latest annual review result and the
 * closure announcement of a closed institution (年审结果、关闭公告).
 */
class DisclosureRepositoryTest {

  private static final String BAOTA = "610602";

  private static JdbcClient jdbc;
  private static DisclosureRepository disclosure;
  private static InstitutionRepository institutions;
  private static InspectionHistory inspections;

  @BeforeAll
  static void registry() {
    jdbc = JdbcClient.create(Registry.migrated("disclosure-test"));
    disclosure = new DisclosureRepository(jdbc);
    institutions = new InstitutionRepository(jdbc);
    inspections = new InspectionHistory(jdbc);
  }

  @Test
  void showsTheLatestAnnualReviewWithAResultAndTheClosureAnnouncement() {
    String tag = "公示" + UUID.randomUUID().toString().substring(0, 8);
    String passed = register(tag, "passed");
    inspections.enterPriorResult(passed, 2024, InspectionResult.FAILED, null, "test");
    inspections.enterPriorResult(passed, 2025, InspectionResult.PASSED, null, "test");
    // an open review (no result yet) and a special inspection do not count
    inspections.openAnnual(passed, 2026, "test");
    jdbc.sql("insert into inspection (credit_code, inspection_year, kind, business_key, result, created_at) "
            + "values (?, 2027, 'SPECIAL', ?, 'FAILED', ?)")
        .params(passed, passed + "-special", OffsetDateTime.now()).update();

    String never = register(tag, "never");

    String closed = register(tag, "closed");
    inspections.enterPriorResult(closed, 2025, InspectionResult.FAILED, null, "test");
    inspections.enterPriorResult(closed, 2026, InspectionResult.FAILED, null, "test");
    ClosureRepository closures = new ClosureRepository(jdbc);
    closures.openIfAbsent(closed, BAOTA, 2026);
    Map<String, PublicInstitution> beforeAnnouncement = search(tag);
    assertThat(beforeAnnouncement.get(closed).closureAnnouncementDate()).isNull();
    assertThat(beforeAnnouncement.get(closed).closureAnnouncement()).isNull();

    institutions.changeStatus(closed, InstitutionStatus.CLOSED, "test", "关闭");
    institutions.changeStatus(closed, InstitutionStatus.DEREGISTERED, "test", "注销");
    closures.recordAnnouncement(closed, LocalDate.of(2026, 3, 20), "关于关闭该机构的公告", "test");

    Map<String, PublicInstitution> items = search(tag);
    assertThat(items).hasSize(3);
    PublicInstitution p = items.get(passed);
    assertThat(p.latestReviewYear()).isEqualTo(2025);
    assertThat(p.latestReviewResult()).isEqualTo(InspectionResult.PASSED);
    assertThat(p.latestReviewResultLabel()).isEqualTo("合格");
    assertThat(p.closureAnnouncementDate()).isNull();

    PublicInstitution n = items.get(never);
    assertThat(n.latestReviewYear()).isNull();
    assertThat(n.latestReviewResult()).isNull();
    assertThat(n.latestReviewResultLabel()).isNull();

    PublicInstitution c = items.get(closed);
    assertThat(c.latestReviewYear()).isEqualTo(2026);
    assertThat(c.latestReviewResultLabel()).isEqualTo("不合格");
    assertThat(c.status()).isEqualTo(InstitutionStatus.DEREGISTERED);
    assertThat(c.statusLabel()).isEqualTo("已注销");
    assertThat(c.closureAnnouncementDate()).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(c.closureAnnouncement()).isEqualTo("关于关闭该机构的公告");
    // a filing stays a fact after the closure
    assertThat(c.filingStatus()).isEqualTo(PublicFilingStatus.FILED);
  }

  private static Map<String, PublicInstitution> search(String tag) {
    return disclosure.search(tag, null, 1, 20).items().stream()
        .collect(Collectors.toMap(PublicInstitution::creditCode, i -> i));
  }

  private static String register(String tag, String name) {
    String code = RegistrationFixtures.creditCode(BAOTA);
    institutions.insert(new Institution(code, tag + "-" + name + " 托育中心", InstitutionNature.FOR_PROFIT, false,
        BAOTA, "延安市宝塔区测试路 1 号", "法人" + name, 10, 10, 10, new BigDecimal("1500"), "approval", null,
        OffsetDateTime.now().minusDays(30), InstitutionStatus.REGISTERED, false, null, null), "test");
    institutions.markFiled(code, "托备〔2025〕610602-0001号", "test");
    return code;
  }
}
