package cn.tuoyu.disclosure;

import cn.tuoyu.institution.InstitutionStatus;

/** 备案状态 as the public sees it, derived from the registry's status, filing date and overdue flag. */
public enum PublicFilingStatus {
  FILED("已备案"),
  REJECTED("不予备案"),
  OVERDUE("逾期未备案"),
  NOT_FILED("未备案");

  private final String label;

  PublicFilingStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A filing date counts even if a later status change moved the institution on. */
  public static PublicFilingStatus of(InstitutionStatus status, boolean filingOverdue, boolean filed) {
    if (filed || status == InstitutionStatus.FILED) {
      return FILED;
    }
    if (status == InstitutionStatus.FILING_REJECTED) {
      return REJECTED;
    }
    return filingOverdue ? OVERDUE : NOT_FILED;
  }
}
