package cn.tuoyu.registration;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of RegistrationFilingProcess, each a one-line hand-over to a service
 * method, named as the model references them ({@code camunda:delegateExpression="${…}"}).
 */
@Configuration
public class RegistrationDelegates {

  @Bean
  JavaDelegate recordRegistrationDelegate(RegistrationService registrations) {
    return registrations::recordRegistration;
  }

  @Bean
  JavaDelegate runFilingChecksDelegate(FilingService filings) {
    return filings::runChecks;
  }

  @Bean
  JavaDelegate issueFilingReceiptDelegate(FilingService filings) {
    return filings::issueReceipt;
  }

  @Bean
  JavaDelegate recordReturnDelegate(FilingService filings) {
    return filings::recordReturn;
  }

  @Bean
  JavaDelegate recordRejectionDelegate(FilingService filings) {
    return filings::recordRejection;
  }

  @Bean
  JavaDelegate markFilingOverdueDelegate(FilingService filings) {
    return filings::markOverdue;
  }

  /** On Task_PushRegistration complete. */
  @Bean
  TaskListener pushCompletedListener(FilingService filings) {
    return task -> filings.markPushed((String) task.getVariable(RegistrationFilingProcess.Variables.CREDIT_CODE),
        task.getAssignee());
  }

  /** On Task_ReviewFiling create. */
  @Bean
  TaskListener filingReviewPreparer(FilingService filings) {
    return filings::prepareReview;
  }

  /** On Task_ReviewFiling complete. */
  @Bean
  TaskListener filingReviewChecker(FilingService filings) {
    return filings::checkReview;
  }
}
