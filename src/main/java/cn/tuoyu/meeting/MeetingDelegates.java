package cn.tuoyu.meeting;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of JointMeetingProcess, each a one-line hand-over to {@link MeetingService},
 * named as the model references them ({@code camunda:delegateExpression="${…}"}).
 */
@Configuration
public class MeetingDelegates {

  @Bean
  JavaDelegate registerMeetingDelegate(MeetingService meetings) {
    return meetings::register;
  }

  /** On Task_DraftAgenda complete. */
  @Bean
  TaskListener agendaChecker(MeetingService meetings) {
    return meetings::checkAgenda;
  }

  @Bean
  JavaDelegate requestReportsDelegate(MeetingService meetings) {
    return meetings::requestReports;
  }

  /** On Task_SubmitProgressReport create. */
  @Bean
  TaskListener progressReportPreparer(MeetingService meetings) {
    return meetings::prepareProgressReport;
  }

  /** On Task_SubmitProgressReport complete. */
  @Bean
  TaskListener progressReportChecker(MeetingService meetings) {
    return meetings::checkProgressReport;
  }

  @Bean
  JavaDelegate remindLaggardsDelegate(MeetingService meetings) {
    return meetings::remindLaggards;
  }

  @Bean
  JavaDelegate recordOverdueReportsDelegate(MeetingService meetings) {
    return meetings::recordOverdueReports;
  }

  /** On Task_EscalateOverdueReports create. */
  @Bean
  TaskListener overdueReportsPreparer(MeetingService meetings) {
    return meetings::prepareOverdueReports;
  }

  /** On Task_RecordMeeting create. */
  @Bean
  TaskListener meetingRecordPreparer(MeetingService meetings) {
    return meetings::prepareMeetingRecord;
  }

  /** On Task_RecordMeeting complete. */
  @Bean
  TaskListener meetingRecordChecker(MeetingService meetings) {
    return meetings::checkMeetingRecord;
  }

  /** On Task_ReportItemCompletion create. */
  @Bean
  TaskListener itemCompletionPreparer(MeetingService meetings) {
    return meetings::prepareItemCompletion;
  }

  /** On Task_ReportItemCompletion complete. */
  @Bean
  TaskListener itemCompletionChecker(MeetingService meetings) {
    return meetings::checkItemCompletion;
  }

  @Bean
  JavaDelegate recordItemOverdueDelegate(MeetingService meetings) {
    return meetings::recordItemOverdue;
  }

  @Bean
  JavaDelegate recordItemNotDoneDelegate(MeetingService meetings) {
    return meetings::recordItemNotDone;
  }

  /** On Task_EscalateOverdueItem create. */
  @Bean
  TaskListener overdueItemPreparer(MeetingService meetings) {
    return meetings::prepareOverdueItem;
  }

  /** On Task_AcceptItem create. */
  @Bean
  TaskListener itemAcceptancePreparer(MeetingService meetings) {
    return meetings::prepareAcceptance;
  }

  /** On Task_AcceptItem complete. */
  @Bean
  TaskListener itemAcceptanceChecker(MeetingService meetings) {
    return meetings::checkAcceptance;
  }

  @Bean
  JavaDelegate closeMeetingDelegate(MeetingService meetings) {
    return meetings::close;
  }
}
