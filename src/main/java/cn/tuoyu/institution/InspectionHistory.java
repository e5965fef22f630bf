package cn.tuoyu.institution;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
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
}
