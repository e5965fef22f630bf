package cn.tuoyu.institution;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The annual review results of each institution, and the rule built on them: an institution
 * failing its annual review two years in a row is closed (连续两年年审不合格者予以关闭、注销登记).
 */
@Repository
public class InspectionHistory {

  private final JdbcClient jdbc;

  public InspectionHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The business key of an institution's annual inspection: {@code <credit code>-<year>}. */
  public static String annualKey(String creditCode, int year) {
    return creditCode + "-" + year;
  }

  /** Opens the annual inspection of a year; false when it exists already (the campaign is idempotent). */
  public boolean openAnnual(String creditCode, int year, String by) {
    try {
      jdbc.sql("insert into inspection (credit_code, inspection_year, kind, business_key, created_by, created_at) "
              + "values (?, ?, 'ANNUAL', ?, ?, ?)")
          .params(creditCode, year, annualKey(creditCode, year), by, OffsetDateTime.now())
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Records the outcome of a year's annual review. */
  public void recordResult(String creditCode, int year, InspectionResult result, String note) {
    int updated = jdbc.sql("update inspection set result = ?, result_at = ?, result_note = ? where business_key = ?")
        .params(result.name(), OffsetDateTime.now(), note, annualKey(creditCode, year))
        .update();
    if (updated == 0) {
      throw new IllegalStateException(year + " 年没有机构 " + creditCode + " 的年检记录");
    }
  }

  /** Records the outcome of any inspection, annual or special, by its business key. */
  public void recordResultOf(String businessKey, InspectionResult result, String note) {
    update("update inspection set result = ?, result_at = ?, result_note = ? where business_key = ?",
        businessKey, result.name(), OffsetDateTime.now(), note, businessKey);
  }

  /**
   * Enters the result of a year before the system (补录), e.g. from paper records, so that the
   * consecutive-failure rule also covers institutions that predate the system.
   */
  public void enterPriorResult(String creditCode, int year, InspectionResult result, String note, String by) {
    OffsetDateTime now = OffsetDateTime.now();
    try {
      jdbc.sql("insert into inspection (credit_code, inspection_year, kind, business_key, result, result_at, "
              + "result_note, entered_manually, created_by, created_at) values (?, ?, 'ANNUAL', ?, ?, ?, ?, true, ?, ?)")
          .params(creditCode, year, annualKey(creditCode, year), result.name(), now, note, by, now)
          .update();
    } catch (DuplicateKeyException e) {
      throw new IllegalStateException(year + " 年已有机构 " + creditCode + " 的年检记录，不能重复补录", e);
    }
  }

  public Optional<InspectionResult> resultOf(String creditCode, int year) {
    return jdbc.sql("select result from inspection where business_key = ? and result is not null")
        .param(annualKey(creditCode, year))
        .query(String.class)
        .optional()
        .map(InspectionResult::valueOf);
  }

  /** True when the review of {@code year} and of the year before both ended failed. */
  public boolean failedTwoYearsInARow(String creditCode, int year) {
    return resultOf(creditCode, year).filter(InspectionResult.FAILED::equals).isPresent()
        && resultOf(creditCode, year - 1).filter(InspectionResult.FAILED::equals).isPresent();
  }

  // --- one inspection's record: self-report, desk review, on-site checklist, co-sign, verdict

  /** One row of {@code inspection} as the annual inspection process reads it. */
  public record Inspection(
      String businessKey,
      String creditCode,
      int inspectionYear,
      String kind,
      String selfReport,
      Integer selfReportChildren,
      Integer selfReportStaff,
      Integer selfReportIncidents,
      OffsetDateTime selfReportSubmittedAt,
      boolean selfReportOverdue,
      String deskReviewNote,
      BigDecimal safetyScore,
      BigDecimal healthCareScore,
      BigDecimal staffingScore,
      BigDecimal facilitiesScore,
      BigDecimal feeDisclosureScore,
      Integer criticalFindings,
      String findings,
      String inspector1,
      String inspector2,
      OffsetDateTime inspectedAt,
      String verdict,
      String verdictReason,
      String result,
      String specialReason) {}

  /** The on-site checklist (现场检查): five scores 0–100, the serious hazards found and the notes. */
  public record Checklist(
      BigDecimal safetyScore,
      BigDecimal healthCareScore,
      BigDecimal staffingScore,
      BigDecimal facilitiesScore,
      BigDecimal feeDisclosureScore,
      int criticalFindings,
      String findings) {}

  /** The self-inspection report as the institution submitted it. */
  public record SelfReport(String report, int enrolledChildren, int staffCount, int safetyIncidents) {}

  private static final String INSPECTION_COLUMNS = "business_key, credit_code, inspection_year, kind, self_report, "
      + "self_report_children, self_report_staff, self_report_incidents, self_report_submitted_at, self_report_overdue, "
      + "desk_review_note, safety_score, health_care_score, staffing_score, facilities_score, "
      + "fee_disclosure_score, critical_findings, findings, inspector1, inspector2, inspected_at, verdict, "
      + "verdict_reason, result, special_reason";

  /**
   * Maps columns to the record's components by name. {@code query(Inspection.class)} would probe each
   * component's camel-case name as a column first, and the driver answers every miss with an exception:
   * measured as most of the campaign's CPU per opened inspection.
   */
  private static final DataClassRowMapper<Inspection> INSPECTION = new DataClassRowMapper<>(Inspection.class);

  public Optional<Inspection> find(String businessKey) {
    return jdbc.sql("select " + INSPECTION_COLUMNS + " from inspection where business_key = ?")
        .param(businessKey)
        .query(INSPECTION)
        .optional();
  }

  /** Several inspections by business key in one query (e.g. a chunk of the campaign), in no particular order. */
  public List<Inspection> findAll(Collection<String> businessKeys) {
    if (businessKeys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + INSPECTION_COLUMNS + " from inspection where business_key in (:keys)")
        .param("keys", businessKeys)
        .query(INSPECTION)
        .list();
  }

  /**
   * Opens a special inspection (专项检查) of the institution, with business key
   * {@code <credit code>-<year>-S<n>}, n counting the year's special inspections from 1.
   *
   * @return the business key
   */
  public String openSpecial(String creditCode, int year, String reason, String by) {
    // One at a time per institution: the row lock keeps two requests from counting the same n.
    jdbc.sql("select credit_code from institution where credit_code = ? for update").param(creditCode)
        .query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("机构不存在：" + creditCode));
    int n = jdbc.sql("select count(*) from inspection where credit_code = ? and inspection_year = ? and kind = 'SPECIAL'")
        .params(creditCode, year).query(Integer.class).single() + 1;
    String key = annualKey(creditCode, year) + "-S" + n;
    jdbc.sql("insert into inspection (credit_code, inspection_year, kind, business_key, special_reason, "
            + "created_by, created_at) values (?, ?, 'SPECIAL', ?, ?, ?, ?)")
        .params(creditCode, year, key, reason, by, OffsetDateTime.now())
        .update();
    return key;
  }

  public void recordSelfReport(String businessKey, SelfReport report) {
    update("update inspection set self_report = ?, self_report_children = ?, self_report_staff = ?, "
            + "self_report_incidents = ?, self_report_submitted_at = ? where business_key = ?",
        businessKey, report.report(), report.enrolledChildren(), report.staffCount(), report.safetyIncidents(),
        OffsetDateTime.now(), businessKey);
  }

  /** 逾期未提交自查报告. */
  public void markSelfReportOverdue(String businessKey) {
    update("update inspection set self_report_overdue = true where business_key = ?", businessKey, businessKey);
  }

  public void recordDeskReview(String businessKey, String note, String by) {
    update("update inspection set desk_review_note = ?, desk_reviewed_by = ?, desk_reviewed_at = ? where business_key = ?",
        businessKey, note, by, OffsetDateTime.now(), businessKey);
  }

  /** The checklist of the first inspector; the co-signature of the second comes separately. */
  public void recordChecklist(String businessKey, Checklist c, String inspector1) {
    update("update inspection set safety_score = ?, health_care_score = ?, staffing_score = ?, facilities_score = ?, "
            + "fee_disclosure_score = ?, critical_findings = ?, findings = ?, inspector1 = ?, inspector2 = null, "
            + "inspected_at = ? where business_key = ?",
        businessKey, c.safetyScore(), c.healthCareScore(), c.staffingScore(), c.facilitiesScore(),
        c.feeDisclosureScore(), c.criticalFindings(), c.findings(), inspector1, OffsetDateTime.now(), businessKey);
  }

  public void recordCoSign(String businessKey, String inspector2) {
    update("update inspection set inspector2 = ? where business_key = ?", businessKey, inspector2, businessKey);
  }

  public void recordVerdict(String businessKey, String verdict, String reason) {
    update("update inspection set verdict = ?, verdict_reason = ? where business_key = ?",
        businessKey, verdict, reason, businessKey);
  }

  private void update(String sql, String businessKey, Object... params) {
    if (jdbc.sql(sql).params(params).update() == 0) {
      throw new IllegalStateException("没有业务编号为 " + businessKey + " 的检查记录");
    }
  }
}
