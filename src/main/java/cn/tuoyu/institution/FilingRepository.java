package cn.tuoyu.institution;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Filing submissions (备案材料), their staff lists, check results and review decisions. */
@Repository
public class FilingRepository {

  /** A submission's materials and check results. */
  public record Submission(long id, String creditCode, int round, OffsetDateTime submittedAt, String licenceNo,
      String premises, String fireSafety, String healthEvaluation, String feeSchedule, Integer staffTotal,
      Integer invalidIds, Integer blacklistHits, Integer certified) {}

  /** One staff member as submitted, with the check flags once checked. */
  public record StaffMember(long id, String name, String idNumber, StaffRole role, List<Certificate> certificates,
      Boolean idValid, Boolean blacklisted) {}

  private final JdbcClient jdbc;

  public FilingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insertSubmission(String creditCode, String licenceNo, String premises, String fireSafety,
      String healthEvaluation, String feeSchedule) {
    int round = jdbc.sql("select coalesce(max(round), 0) from filing_submission where credit_code = ?")
        .param(creditCode).query(Integer.class).single() + 1;
    jdbc.sql("insert into filing_submission (credit_code, round, submitted_at, licence_no, premises, fire_safety, "
            + "health_evaluation, fee_schedule) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(creditCode, round, OffsetDateTime.now(), licenceNo, premises, fireSafety, healthEvaluation, feeSchedule)
        .update();
    return jdbc.sql("select id from filing_submission where credit_code = ? and round = ?")
        .params(creditCode, round).query(Long.class).single();
  }

  public void insertStaff(long submissionId, String creditCode, String name, String idNumber, StaffRole role,
      List<Certificate> certificates) {
    jdbc.sql("insert into institution_staff (submission_id, credit_code, name, id_number, role, certificates) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(submissionId, creditCode, name, idNumber, role.name(),
            certificates.stream().map(Enum::name).distinct().collect(Collectors.joining(",")))
        .update();
  }

  public Optional<Submission> find(long submissionId) {
    return jdbc.sql("select id, credit_code, round, submitted_at, licence_no, premises, fire_safety, health_evaluation, "
            + "fee_schedule, staff_total, invalid_ids, blacklist_hits, certified from filing_submission where id = ?")
        .param(submissionId).query(Submission.class).optional();
  }

  public List<StaffMember> staff(long submissionId) {
    return jdbc.sql("select id, name, id_number, role, certificates, id_valid, blacklisted from institution_staff "
            + "where submission_id = ? order by id")
        .param(submissionId)
        .query((rs, n) -> new StaffMember(rs.getLong("id"), rs.getString("name"), rs.getString("id_number"),
            StaffRole.valueOf(rs.getString("role")), certificates(rs.getString("certificates")),
            (Boolean) rs.getObject("id_valid"), (Boolean) rs.getObject("blacklisted")))
        .list();
  }

  public void markStaffChecked(long staffId, boolean idValid, boolean blacklisted) {
    jdbc.sql("update institution_staff set id_valid = ?, blacklisted = ? where id = ?")
        .params(idValid, blacklisted, staffId).update();
  }

  public void recordChecks(long submissionId, int staffTotal, int invalidIds, int blacklistHits, int certified) {
    jdbc.sql("update filing_submission set staff_total = ?, invalid_ids = ?, blacklist_hits = ?, certified = ?, "
            + "checked_at = ? where id = ?")
        .params(staffTotal, invalidIds, blacklistHits, certified, OffsetDateTime.now(), submissionId).update();
  }

  public void recordDecision(long submissionId, String decision, String comment, String by) {
    jdbc.sql("update filing_submission set decision = ?, decision_comment = ?, decided_by = ?, decided_at = ? where id = ?")
        .params(decision, comment, by, OffsetDateTime.now(), submissionId).update();
  }

  /** Next receipt number of a county and year; the row lock keeps two concurrent approvals apart. */
  public int nextReceiptNumber(String countyCode, int year) {
    int updated = jdbc.sql("update filing_receipt_counter set last_no = last_no + 1 where county_code = ? and receipt_year = ?")
        .params(countyCode, year).update();
    if (updated == 0) {
      jdbc.sql("insert into filing_receipt_counter (county_code, receipt_year, last_no) values (?, ?, 1)")
          .params(countyCode, year).update();
      return 1;
    }
    return jdbc.sql("select last_no from filing_receipt_counter where county_code = ? and receipt_year = ?")
        .params(countyCode, year).query(Integer.class).single();
  }

  private static List<Certificate> certificates(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(csv.split(",")).map(Certificate::valueOf).toList();
  }
}
