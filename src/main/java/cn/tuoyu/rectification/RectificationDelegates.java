package cn.tuoyu.rectification;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of RectificationProcess, each a one-line hand-over to a service
 * method, named as the model references them ({@code camunda:delegateExpression="${…}"}).
 */
@Configuration
public class RectificationDelegates {

  @Bean
  JavaDelegate issueRectificationOrderDelegate(RectificationService rectifications) {
    return rectifications::issueOrder;
  }

  @Bean
  JavaDelegate issueFollowUpOrderDelegate(RectificationService rectifications) {
    return rectifications::issueFollowUpOrder;
  }

  @Bean
  JavaDelegate recordReportOverdueDelegate(RectificationService rectifications) {
    return rectifications::recordOverdue;
  }

  @Bean
  JavaDelegate recordRectificationPassedDelegate(RectificationService rectifications) {
    return rectifications::recordPassed;
  }

  @Bean
  JavaDelegate recordPenaltyDelegate(RectificationService rectifications) {
    return rectifications::recordPenalty;
  }

  /** On Task_ReviewRectification create. */
  @Bean
  TaskListener rectificationReviewPreparer(RectificationService rectifications) {
    return rectifications::prepareReview;
  }

  /** On Task_ReviewRectification complete. */
  @Bean
  TaskListener rectificationReviewChecker(RectificationService rectifications) {
    return rectifications::checkReview;
  }

  /** On Task_DecidePenalty create. */
  @Bean
  TaskListener penaltyPreparer(RectificationService rectifications) {
    return rectifications::preparePenalty;
  }

  /** On Task_DecidePenalty complete. */
  @Bean
  TaskListener penaltyChecker(RectificationService rectifications) {
    return rectifications::checkPenalty;
  }
}
