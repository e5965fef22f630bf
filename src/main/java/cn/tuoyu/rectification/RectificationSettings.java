package cn.tuoyu.rectification;

import cn.tuoyu.identity.Department;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Settings of 限期整改 (prefix {@code tuoyu.rectification}), read by the model as the bean
 * {@code rectificationSettings}, e.g. {@code ${rectificationSettings.maxReviewRounds}}.
 *
 * <p>{@code max-review-rounds} (default 2): how many re-reviews (整改复查) a case gets. After a failed
 * re-review the institution gets another order while fewer than this many re-reviews were done; with
 * 2 it gets one second chance, with 1 the first failed re-review goes to the penalty.
 *
 * <p>{@code penalty-department} (default {@code market}, 市场监管局): the department group whose
 * clerks decide the administrative penalty (作出行政处罚决定). The plan names 卫健委、教育局、民政局、
 * 行政审批局、市场监管局、工信局、公安局 as responsible; which of them punishes is a local decision.
 */
@Component("rectificationSettings")
@ConfigurationProperties(prefix = "tuoyu.rectification")
public class RectificationSettings {

  public static final int DEFAULT_MAX_REVIEW_ROUNDS = 2;
  public static final String DEFAULT_PENALTY_DEPARTMENT = "market";

  private int maxReviewRounds = DEFAULT_MAX_REVIEW_ROUNDS;
  private String penaltyDepartment = DEFAULT_PENALTY_DEPARTMENT;

  public int getMaxReviewRounds() {
    return maxReviewRounds;
  }

  /** @throws IllegalArgumentException below 1: start-up fails rather than skipping every re-review */
  public void setMaxReviewRounds(int maxReviewRounds) {
    if (maxReviewRounds < 1 || maxReviewRounds > 10) {
      throw new IllegalArgumentException(
          "tuoyu.rectification.max-review-rounds（整改复查次数）应在 1 到 10 之间，当前为 " + maxReviewRounds);
    }
    this.maxReviewRounds = maxReviewRounds;
  }

  public String getPenaltyDepartment() {
    return penaltyDepartment;
  }

  /** @throws IllegalArgumentException for a group that is no department: the penalty task would reach nobody */
  public void setPenaltyDepartment(String penaltyDepartment) {
    if (penaltyDepartment == null || Department.byGroupId(penaltyDepartment.trim()).isEmpty()) {
      throw new IllegalArgumentException(
          "tuoyu.rectification.penalty-department（行政处罚部门）" + penaltyDepartment + " 不是已知的部门组，例如 market（市场监管局）");
    }
    this.penaltyDepartment = penaltyDepartment.trim();
  }
}
