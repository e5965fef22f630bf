package cn.tuoyu.institution;

/** Qualifications that count towards the certification rate (持证上岗率). */
public enum Certificate {
  CHILDCARE_WORKER("保育员证"),
  INFANT_CARER("育婴员证"),
  HEALTH_CARE("卫生保健人员培训合格证"),
  TEACHER("教师资格证");

  private final String label;

  Certificate(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
