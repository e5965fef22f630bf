package cn.tuoyu.closure;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of ClosureProcess, each a one-line hand-over to {@link ClosureService},
 * named as the models reference them ({@code camunda:delegateExpression="${…}"}). The first one runs
 * in AnnualInspectionProcess (Task_StartClosure, docs/annual-inspection.md).
 */
@Configuration
public class ClosureDelegates {

  /** AnnualInspectionProcess → ClosureProcess: starts the case once per institution. */
  @Bean
  JavaDelegate startClosureDelegate(ClosureService closures) {
    return closures::startFrom;
  }

  @Bean
  JavaDelegate openClosureCaseDelegate(ClosureService closures) {
    return closures::openCase;
  }

  @Bean
  JavaDelegate recordClosureDecisionDelegate(ClosureService closures) {
    return closures::recordDecision;
  }

  @Bean
  JavaDelegate closeInstitutionDelegate(ClosureService closures) {
    return closures::closeInstitution;
  }

  /** On Task_DraftClosureDecision complete. */
  @Bean
  TaskListener closureDraftRecorder(ClosureService closures) {
    return closures::recordDraft;
  }

  /** On Task_ApproveClosureDecision complete. */
  @Bean
  TaskListener closureApprovalChecker(ClosureService closures) {
    return closures::checkApproval;
  }

  /** On Task_DeregisterInstitution complete. */
  @Bean
  TaskListener deregistrationRecorder(ClosureService closures) {
    return closures::recordDeregistration;
  }

  /** On Task_PlanPlacement complete, once per department. */
  @Bean
  TaskListener placementPlanRecorder(ClosureService closures) {
    return closures::recordPlacement;
  }

  /** On Task_PublishClosureAnnouncement create. */
  @Bean
  TaskListener announcementPreparer(ClosureService closures) {
    return closures::prepareAnnouncement;
  }

  /** On Task_PublishClosureAnnouncement complete. */
  @Bean
  TaskListener announcementChecker(ClosureService closures) {
    return closures::checkAnnouncement;
  }
}
