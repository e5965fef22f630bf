package cn.tuoyu.institution;

/** 营利性 or 非营利性: decides which authority may register the institution. */
public enum InstitutionNature {
  FOR_PROFIT("营利性"),
  NON_PROFIT("非营利性");

  private final String label;

  InstitutionNature(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
