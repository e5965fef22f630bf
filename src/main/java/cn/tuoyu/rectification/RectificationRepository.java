package cn.tuoyu.rectification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rectification orders (整改通知书) per round, the institutions' reports and the penalty decision. */
@Repository
public class RectificationRepository {

  /** One round's order with its re-review outcome. */
  public record Order(long id, String inspectionKey, String creditCode, String countyCode, int round, String orderNo,
      String verdict, int criticalFindings, String severity, int deadlineWorkingDays, OffsetDateTime orderedAt,
      LocalDate dueDate, String status, String reviewResult, String reviewComment, String reviewedBy,
      OffsetDateTime reviewedAt) {}

  /** A report as the institution submitted it. */
  public record Report(long id, long orderId, String reportText, String measures, LocalDate completedOn,
      OffsetDateTime submittedAt, String submittedBy) {}

  /** The administrative penalty decided at the end of a failed case. */
  public record Penalty(String inspectionKey, String reason, String department, String penaltyKind,
      BigDecimal fineAmount, String decisionNo, String legalBasis, String decisionText, String decidedBy,
      OffsetDateTime decidedAt) {}

  /** What a new order row needs. */
  public record NewOrder(String inspectionKey, String creditCode, String countyCode, int round, String verdict,
      int criticalFindings, String severity, int deadlineWorkingDays, OffsetDateTime orderedAt, LocalDate dueDate) {}

  private static final String ORDER_COLUMNS = "id, inspection_key, credit_code, county_code, round, order_no, verdict, "
      + "critical_findings, severity, deadline_working_days, ordered_at, due_date, status, review_result, "
      + "review_comment, reviewed_by, reviewed_at";

  private final JdbcClient jdbc;

  public RectificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the order with the next number of its county and year. A second insert for the same round
   * (a job run twice) or a number taken concurrently violates a unique key and fails the transaction.
   */
  public Order insertOrder(NewOrder o) {
    int year = o.orderedAt().atZoneSameInstant(RectificationService.ZONE).getYear();
    int seq = jdbc.sql("select coalesce(max(order_seq), 0) from rectification_order where county_code = ? and order_year = ?")
        .params(o.countyCode(), year).query(Integer.class).single() + 1;
    String orderNo = String.format("整改〔%d〕%s-%04d号", year, o.countyCode(), seq);
    jdbc.sql("insert into rectification_order (inspection_key, credit_code, county_code, round, order_year, order_seq, "
            + "order_no, verdict, critical_findings, severity, deadline_working_days, ordered_at, due_date, status) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ORDERED')")
        .params(o.inspectionKey(), o.creditCode(), o.countyCode(), o.round(), year, seq, orderNo, o.verdict(),
            o.criticalFindings(), o.severity(), o.deadlineWorkingDays(), o.orderedAt(), o.dueDate())
        .update();
    return jdbc.sql("select " + ORDER_COLUMNS + " from rectification_order where inspection_key = ? and round = ?")
        .params(o.inspectionKey(), o.round()).query(Order.class).single();
  }

  public Optional<Order> order(long id) {
    return jdbc.sql("select " + ORDER_COLUMNS + " from rectification_order where id = ?").param(id)
        .query(Order.class).optional();
  }

  /** All rounds of a case, first round first. */
  public List<Order> orders(String inspectionKey) {
    return jdbc.sql("select " + ORDER_COLUMNS + " from rectification_order where inspection_key = ? order by round")
        .param(inspectionKey).query(Order.class).list();
  }

  public void setStatus(long orderId, String status) {
    jdbc.sql("update rectification_order set status = ? where id = ?").params(status, orderId).update();
  }

  public void recordReview(long orderId, String result, String comment, String by, OffsetDateTime at) {
    jdbc.sql("update rectification_order set review_result = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?, "
            + "status = ? where id = ?")
        .params(result, comment, by, at, "PASS".equals(result) ? "PASSED" : "FAILED", orderId)
        .update();
  }

  public long insertReport(long orderId, String inspectionKey, String reportText, String measures,
      LocalDate completedOn, String by, OffsetDateTime at) {
    jdbc.sql("insert into rectification_report (order_id, inspection_key, report_text, measures, completed_on, "
            + "submitted_at, submitted_by) values (?, ?, ?, ?, ?, ?, ?)")
        .params(orderId, inspectionKey, reportText, measures, completedOn, at, by)
        .update();
    return jdbc.sql("select max(id) from rectification_report where order_id = ?").param(orderId)
        .query(Long.class).single();
  }

  /** Reports of one round, latest last. */
  public List<Report> reports(long orderId) {
    return jdbc.sql("select id, order_id, report_text, measures, completed_on, submitted_at, submitted_by "
            + "from rectification_report where order_id = ? order by id")
        .param(orderId).query(Report.class).list();
  }

  public void insertPenalty(Penalty p, String creditCode, String countyCode) {
    jdbc.sql("insert into rectification_penalty (inspection_key, credit_code, county_code, reason, department, "
            + "penalty_kind, fine_amount, decision_no, legal_basis, decision_text, decided_by, decided_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(p.inspectionKey(), creditCode, countyCode, p.reason(), p.department(), p.penaltyKind(),
            p.fineAmount(), p.decisionNo(), p.legalBasis(), p.decisionText(), p.decidedBy(), p.decidedAt())
        .update();
  }

  public Optional<Penalty> penalty(String inspectionKey) {
    return jdbc.sql("select inspection_key, reason, department, penalty_kind, fine_amount, decision_no, legal_basis, "
            + "decision_text, decided_by, decided_at from rectification_penalty where inspection_key = ?")
        .param(inspectionKey).query(Penalty.class).optional();
  }
}
