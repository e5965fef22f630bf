package cn.tuoyu.closure;

import cn.tuoyu.institution.StaffRole;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Closure cases (closure_case), their placement plans and barred persons; V7__closure.sql. */
@Repository
public class ClosureRepository {

  /** One closure case as stored. */
  public record ClosureCase(long id, String creditCode, String businessKey, String countyCode, int inspectionYear,
      String processInstanceId, OffsetDateTime openedAt, String decisionDraft, String draftedBy, String decisionNo,
      LocalDate decidedOn, String decidedBy, String banKind, String deregistrationAuthority,
      LocalDate deregisteredOn, String deregistrationDocumentNo, String deregisteredBy, LocalDate announcementDate,
      String announcementText, String announcedBy, OffsetDateTime closedAt) {}

  /** A department's plan for the children in care. */
  public record Placement(String department, int childrenCount, String destination, String note, String recordedBy) {}

  /** A person the decision bars; no ID number here. */
  public record BannedPerson(long staffId, String name, StaffRole role, boolean lifetimeBan) {}

  /** An annual review result of the two failed years. */
  public record ReviewResult(int year, String result, String note, boolean enteredManually) {}

  /** A staff member of the latest filed staff list, with the full ID number: never put it in a variable. */
  public record Staff(long id, String name, String idNumber, StaffRole role) {}

  private static final String COLUMNS = "id, credit_code, business_key, county_code, inspection_year, "
      + "process_instance_id, opened_at, decision_draft, drafted_by, decision_no, decided_on, decided_by, ban_kind, "
      + "deregistration_authority, deregistered_on, deregistration_document_no, deregistered_by, announcement_date, "
      + "announcement_text, announced_by, closed_at";

  private final JdbcClient jdbc;

  public ClosureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Opens the case of an institution unless one exists (running or finished).
   *
   * @return true when it was opened now
   */
  public boolean openIfAbsent(String creditCode, String county, int inspectionYear) {
    if (find(creditCode).isPresent()) {
      return false;
    }
    jdbc.sql("insert into closure_case (credit_code, business_key, county_code, inspection_year, opened_at) "
            + "values (?, ?, ?, ?, ?)")
        .params(creditCode, ClosureProcess.businessKey(creditCode), county, inspectionYear, OffsetDateTime.now())
        .update();
    return true;
  }

  public Optional<ClosureCase> find(String creditCode) {
    return jdbc.sql("select " + COLUMNS + " from closure_case where credit_code = ?")
        .param(creditCode).query(ClosureCase.class).optional();
  }

  public ClosureCase get(String creditCode) {
    return find(creditCode).orElseThrow(() -> new IllegalStateException("机构 " + creditCode + " 没有关闭案件"));
  }

  public void attachProcess(String creditCode, String processInstanceId, String authority) {
    jdbc.sql("update closure_case set process_instance_id = ?, deregistration_authority = ? where credit_code = ?")
        .params(processInstanceId, authority, creditCode).update();
  }

  public void recordDraft(String creditCode, String draft, String by) {
    jdbc.sql("update closure_case set decision_draft = ?, drafted_by = ?, drafted_at = ? where credit_code = ?")
        .params(draft, by, OffsetDateTime.now(), creditCode).update();
  }

  /** The decision number comes from the case id, so a retry writes the same number again. */
  public String recordDecision(String creditCode, LocalDate decidedOn, String by, String banKind) {
    ClosureCase c = get(creditCode);
    String decisionNo = c.decisionNo() != null ? c.decisionNo()
        : String.format("延卫托关〔%d〕%s-%04d号", decidedOn.getYear(), c.countyCode(), c.id());
    jdbc.sql("update closure_case set decision_no = ?, decided_on = ?, decided_by = ?, ban_kind = ? where id = ?")
        .params(decisionNo, decidedOn, by, banKind, c.id()).update();
    return decisionNo;
  }

  public void recordBannedPerson(long caseId, Staff staff, boolean lifetimeBan) {
    int existing = jdbc.sql("select count(*) from closure_banned_person where closure_case_id = ? and staff_id = ?")
        .params(caseId, staff.id()).query(Integer.class).single();
    if (existing == 0) {
      jdbc.sql("insert into closure_banned_person (closure_case_id, staff_id, name, role, lifetime_ban) "
              + "values (?, ?, ?, ?, ?)")
          .params(caseId, staff.id(), staff.name(), staff.role().name(), lifetimeBan).update();
    }
  }

  public List<BannedPerson> bannedPersons(long caseId) {
    return jdbc.sql("select staff_id, name, role, lifetime_ban from closure_banned_person where closure_case_id = ? "
            + "order by staff_id")
        .param(caseId)
        .query((rs, n) -> new BannedPerson(rs.getLong("staff_id"), rs.getString("name"),
            StaffRole.valueOf(rs.getString("role")), rs.getBoolean("lifetime_ban")))
        .list();
  }

  public void recordDeregistration(String creditCode, LocalDate on, String documentNo, String by) {
    jdbc.sql("update closure_case set deregistered_on = ?, deregistration_document_no = ?, deregistered_by = ? "
            + "where credit_code = ?")
        .params(on, documentNo, by, creditCode).update();
  }

  /** One plan per department: a second one from the same department replaces the first. */
  public void recordPlacement(long caseId, Placement plan) {
    jdbc.sql("delete from closure_placement where closure_case_id = ? and department = ?")
        .params(caseId, plan.department()).update();
    jdbc.sql("insert into closure_placement (closure_case_id, department, children_count, destination, note, "
            + "recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(caseId, plan.department(), plan.childrenCount(), plan.destination(), plan.note(), plan.recordedBy(),
            OffsetDateTime.now())
        .update();
  }

  public List<Placement> placements(long caseId) {
    return jdbc.sql("select department, children_count, destination, note, recorded_by from closure_placement "
            + "where closure_case_id = ? order by department")
        .param(caseId).query(Placement.class).list();
  }

  public void recordAnnouncement(String creditCode, LocalDate date, String text, String by) {
    jdbc.sql("update closure_case set announcement_date = ?, announcement_text = ?, announced_by = ?, closed_at = ? "
            + "where credit_code = ?")
        .params(date, text, by, OffsetDateTime.now(), creditCode).update();
  }

  /** The annual review results of {@code year} and the year before, oldest first. */
  public List<ReviewResult> failedYears(String creditCode, int year) {
    return jdbc.sql("select inspection_year, result, result_note, entered_manually from inspection "
            + "where credit_code = ? and kind = 'ANNUAL' and result is not null and inspection_year in (?, ?) "
            + "order by inspection_year")
        .params(creditCode, year - 1, year)
        .query((rs, n) -> new ReviewResult(rs.getInt("inspection_year"), rs.getString("result"),
            rs.getString("result_note"), rs.getBoolean("entered_manually")))
        .list();
  }

  /**
   * The staff list of the latest approved (予以备案) submission, or of the latest submission when
   * none was approved.
   */
  public List<Staff> latestFiledStaff(String creditCode) {
    Long submission = jdbc.sql("select max(id) from filing_submission where credit_code = ? and decision = 'APPROVE'")
        .param(creditCode).query(Long.class).optional().orElse(null);
    if (submission == null) {
      submission = jdbc.sql("select max(id) from filing_submission where credit_code = ?")
          .param(creditCode).query(Long.class).optional().orElse(null);
    }
    if (submission == null) {
      return List.of();
    }
    return jdbc.sql("select id, name, id_number, role from institution_staff where submission_id = ? order by id")
        .param(submission)
        .query((rs, n) -> new Staff(rs.getLong("id"), rs.getString("name"), rs.getString("id_number"),
            StaffRole.valueOf(rs.getString("role"))))
        .list();
  }
}
