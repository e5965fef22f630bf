package cn.tuoyu.institution;

/** Where an institution stands; every change is written to institution_status_history. */
public enum InstitutionStatus {
  REGISTERED("已登记"),
  PUSHED("已推送卫健部门"),
  FILED("已备案"),
  FILING_REJECTED("不予备案"),
  /** 连续两年年审不合格，关闭决定已执行（ClosureProcess）. */
  CLOSED("已关闭"),
  /** 登记机关已注销登记并向社会公告. */
  DEREGISTERED("已注销");

  private final String label;

  InstitutionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
