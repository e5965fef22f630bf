package cn.tuoyu.identity;

import java.util.List;

/**
 * What a person does, independent of their department. Authorizations are granted to these groups
 * (never to single users); which tasks a person gets comes from the department groups.
 */
public enum Role {
  CLERK("clerk", "经办人员"),
  INSPECTOR("inspector", "检查人员"),
  SUPERVISOR("supervisor", "监管人员"),
  ADMINISTRATOR("camunda-admin", "系统管理员"),
  /** System account of the government service portal (政务服务网) that forwards institutions' filings. */
  PORTAL("portal", "政务服务网接口");

  /** The roles that work tasks (clerks, inspectors, supervisors); administrators and the portal do not. */
  public static final List<Role> WORKING = List.of(CLERK, INSPECTOR, SUPERVISOR);

  /** Camunda group type of role groups. */
  public static final String GROUP_TYPE = "ROLE";

  private final String groupId;
  private final String displayName;

  Role(String groupId, String displayName) {
    this.groupId = groupId;
    this.displayName = displayName;
  }

  public String groupId() {
    return groupId;
  }

  public String displayName() {
    return displayName;
  }
}
