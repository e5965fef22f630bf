package cn.tuoyu.rectification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What {@code GET /api/rectifications/{inspectionKey}} shows: the case, every round and the penalty. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RectificationStatus(
    String inspectionKey,
    String creditCode,
    String county,
    String severity,
    String severityLabel,
    int deadlineWorkingDays,
    /** AWAITING_REPORT | UNDER_REVIEW | PASSED | PENALTY_PENDING | PENALIZED */
    String status,
    String statusLabel,
    int currentRound,
    int maxReviewRounds,
    LocalDate dueDate,
    List<Round> rounds,
    Penalty penalty) {

  /** One 整改通知书 and what became of it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Round(int round, String orderNo, OffsetDateTime orderedAt, LocalDate dueDate, String status,
      List<Report> reports, String reviewResult, String reviewComment, OffsetDateTime reviewedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(String reportText, String measures, LocalDate completedOn, OffsetDateTime submittedAt) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Penalty(String reason, String reasonLabel, String department, String penaltyKind,
      String penaltyKindLabel, BigDecimal fineAmount, String decisionNo, String legalBasis, String decisionText,
      OffsetDateTime decidedAt) {}
}
