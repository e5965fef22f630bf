package cn.tuoyu.institution;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The institution registry and its status history. */
@Repository
public class InstitutionRepository {

  private static final String COLUMNS = "credit_code, name, nature, inclusive, county_code, address, "
      + "legal_representative, capacity_infant, capacity_toddler_small, capacity_toddler_large, monthly_fee, "
      + "registration_authority, supervisory_department, approved_at, status, filing_overdue, filed_at, "
      + "filing_receipt_no";

  /** By column name; {@code query(Institution.class)} probes camel-case names first, an exception per miss. */
  private static final DataClassRowMapper<Institution> INSTITUTION = new DataClassRowMapper<>(Institution.class);

  private final JdbcClient jdbc;

  public InstitutionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts a newly registered institution; the primary key makes a second insert of the same
   * credit code fail, which is what keeps concurrent duplicate registrations to one case.
   */
  public void insert(Institution i, String by) {
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.sql("insert into institution (" + COLUMNS + ", created_at, updated_at) values "
            + "(:creditCode, :name, :nature, :inclusive, :county, :address, :legal, :infant, :small, :large, :fee, "
            + ":authority, :supervisory, :approvedAt, :status, false, null, null, :now, :now)")
        .param("creditCode", i.creditCode())
        .param("name", i.name())
        .param("nature", i.nature().name())
        .param("inclusive", i.inclusive())
        .param("county", i.countyCode())
        .param("address", i.address())
        .param("legal", i.legalRepresentative())
        .param("infant", i.capacityInfant())
        .param("small", i.capacityToddlerSmall())
        .param("large", i.capacityToddlerLarge())
        .param("fee", i.monthlyFee())
        .param("authority", i.registrationAuthority())
        .param("supervisory", i.supervisoryDepartment())
        .param("approvedAt", i.approvedAt())
        .param("status", i.status().name())
        .param("now", now)
        .update();
    recordStatus(i.creditCode(), null, i.status(), by, "核准登记", now);
  }

  public Optional<Institution> find(String creditCode) {
    return jdbc.sql("select " + COLUMNS + " from institution where credit_code = ?")
        .param(creditCode)
        .query(INSTITUTION)
        .optional();
  }

  public boolean exists(String creditCode) {
    return jdbc.sql("select count(*) from institution where credit_code = ?").param(creditCode)
        .query(Integer.class).single() > 0;
  }

  /** Moves the institution to a new status and writes the change to its history. */
  public void changeStatus(String creditCode, InstitutionStatus to, String by, String note) {
    OffsetDateTime now = OffsetDateTime.now();
    InstitutionStatus from = find(creditCode)
        .orElseThrow(() -> new IllegalStateException("机构不存在：" + creditCode))
        .status();
    jdbc.sql("update institution set status = ?, updated_at = ? where credit_code = ?")
        .params(to.name(), now, creditCode).update();
    recordStatus(creditCode, from, to, by, note, now);
  }

  /** 予以备案: filed with its receipt number. */
  public void markFiled(String creditCode, String receiptNo, String by) {
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.sql("update institution set filed_at = ?, filing_receipt_no = ?, filing_overdue = false, updated_at = ? "
            + "where credit_code = ?")
        .params(now, receiptNo, now, creditCode).update();
    changeStatus(creditCode, InstitutionStatus.FILED, by, "予以备案，回执编号 " + receiptNo);
  }

  public void setFilingOverdue(String creditCode, boolean overdue) {
    jdbc.sql("update institution set filing_overdue = ?, updated_at = ? where credit_code = ?")
        .params(overdue, OffsetDateTime.now(), creditCode).update();
  }

  private void recordStatus(String creditCode, InstitutionStatus from, InstitutionStatus to, String by,
      String note, OffsetDateTime at) {
    jdbc.sql("insert into institution_status_history (credit_code, from_status, to_status, changed_at, changed_by, note) "
            + "values (?, ?, ?, ?, ?, ?)")
        .params(creditCode, from == null ? null : from.name(), to.name(), at, by, note)
        .update();
  }
}
