package cn.tuoyu.institution;

/** What a staff member does in the institution. */
public enum StaffRole {
  PRINCIPAL("机构负责人"),
  CAREGIVER("保育人员"),
  HEALTH_CARE("卫生保健人员"),
  COOK("炊事人员"),
  SECURITY("安保人员"),
  OTHER("其他人员");

  private final String label;

  StaffRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
