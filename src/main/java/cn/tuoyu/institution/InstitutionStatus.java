package cn.tuoyu.institution;

/** Where an institution stands; every change is written to institution_status_history. */
public enum InstitutionStatus {
  REGISTERED("已登记"),
  PUSHED("已推送卫健部门"),
  FILED("已备案"),
  FILING_REJECTED("不予备案");

  private final String label;

  InstitutionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
