package cn.tuoyu.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Settings of the inspections (prefix {@code tuoyu.inspection}). A bean named
 * {@code inspectionSettings}, so the model reads it in expressions, e.g. the self-report deadline
 * {@code ${workdays.overdueFrom(…, inspectionSettings.selfReportWorkingDays)}}.
 */
@Component("inspectionSettings")
@ConfigurationProperties(prefix = "tuoyu.inspection")
public class InspectionSettings {

  public static final int DEFAULT_SELF_REPORT_WORKING_DAYS = 20;

  /** Working days the institution has for its annual self-inspection report (年度自查报告). */
  private int selfReportWorkingDays = DEFAULT_SELF_REPORT_WORKING_DAYS;

  public int getSelfReportWorkingDays() {
    return selfReportWorkingDays;
  }

  public void setSelfReportWorkingDays(int selfReportWorkingDays) {
    if (selfReportWorkingDays < 1) {
      throw new IllegalArgumentException("tuoyu.inspection.self-report-working-days 必须至少为 1 个工作日");
    }
    this.selfReportWorkingDays = selfReportWorkingDays;
  }
}
