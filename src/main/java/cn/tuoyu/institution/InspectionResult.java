package cn.tuoyu.institution;

/** The outcome of a year's review (年审), after any rectification. */
public enum InspectionResult {
  PASSED("合格"),
  FAILED("不合格");

  private final String label;

  InspectionResult(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
