package cn.tuoyu.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The member departments named in the implementation plans' responsibility lists. Each one is a
 * Camunda group; its id is what BPMN models put into {@code camunda:candidateGroups}.
 */
public enum Department {
  HEALTH("health", "卫健委"),
  APPROVAL("approval", "行政审批局"),
  ESTABLISHMENT("establishment", "编办"),
  CIVIL_AFFAIRS("civil-affairs", "民政局"),
  EDUCATION("education", "教育局"),
  MARKET("market", "市场监管局"),
  PUBLIC_SECURITY("public-security", "公安局"),
  EMERGENCY("emergency", "应急管理局"),
  HOUSING("housing", "住建局"),
  NATURAL_RESOURCES("natural-resources", "自然资源局"),
  ECOLOGY("ecology", "生态环境局"),
  DEVELOPMENT_REFORM("development-reform", "发改委"),
  FINANCE("finance", "财政局"),
  HUMAN_RESOURCES("human-resources", "人社局"),
  TAX("tax", "税务局"),
  INDUSTRY("industry", "工信局"),
  TRADE_UNION("trade-union", "总工会"),
  WOMEN_FEDERATION("women-federation", "妇联"),
  YOUTH_LEAGUE("youth-league", "团市委"),
  FAMILY_PLANNING_ASSOCIATION("family-planning", "计生协会");

  /** Camunda group type of department groups. */
  public static final String GROUP_TYPE = "DEPARTMENT";

  private final String groupId;
  private final String displayName;

  Department(String groupId, String displayName) {
    this.groupId = groupId;
    this.displayName = displayName;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<Department> byGroupId(String groupId) {
    return Arrays.stream(values()).filter(d -> d.groupId.equals(groupId)).findFirst();
  }
}
