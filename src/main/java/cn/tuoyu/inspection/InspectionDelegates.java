package cn.tuoyu.inspection;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of AnnualInspectionProcess, each a one-line hand-over to
 * {@link InspectionService}, named as the model references them ({@code camunda:delegateExpression="${…}"}).
 * {@code startClosureDelegate} (Task_StartClosure) belongs to the closure package.
 */
@Configuration
public class InspectionDelegates {

  /** Task_OpenInspection. */
  @Bean
  JavaDelegate openInspectionDelegate(InspectionService inspections) {
    return inspections::openInspection;
  }

  /** Task_MarkSelfReportOverdue. */
  @Bean
  JavaDelegate markSelfReportOverdueDelegate(InspectionService inspections) {
    return inspections::markSelfReportOverdue;
  }

  /** Task_RecordVerdict. */
  @Bean
  JavaDelegate recordInspectionVerdictDelegate(InspectionService inspections) {
    return inspections::recordVerdict;
  }

  /** Task_RecordResult. */
  @Bean
  JavaDelegate recordInspectionResultDelegate(InspectionService inspections) {
    return inspections::recordResult;
  }

  /** On Task_DeskReview create. */
  @Bean
  TaskListener deskReviewPreparer(InspectionService inspections) {
    return inspections::prepareDeskReview;
  }

  /** On Task_DeskReview complete. */
  @Bean
  TaskListener deskReviewChecker(InspectionService inspections) {
    return inspections::checkDeskReview;
  }

  /** On Task_OnSiteInspection complete. */
  @Bean
  TaskListener onSiteInspectionChecker(InspectionService inspections) {
    return inspections::checkOnSiteInspection;
  }

  /** On Task_CoSignInspection assignment and complete. */
  @Bean
  TaskListener coSignChecker(InspectionService inspections) {
    return inspections::checkCoSign;
  }
}
