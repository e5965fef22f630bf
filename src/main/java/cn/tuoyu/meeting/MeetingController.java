package cn.tuoyu.meeting;

import cn.tuoyu.meeting.MeetingQueries.DepartmentItems;
import cn.tuoyu.meeting.MeetingQueries.MeetingStatus;
import cn.tuoyu.meeting.MeetingQueries.MeetingSummary;
import cn.tuoyu.meeting.MeetingRepository.PlanTask;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 联席会议 through the API (HTTP Basic as an engine user): convene a meeting ad hoc, follow its status,
 * the open action items per department, the closing summary, and the responsibility matrix.
 */
@RestController
@RequestMapping("/api/meetings")
public class MeetingController {

  /** What a convener sends to start a meeting. */
  public record MeetingRequest(
      @NotBlank(message = "会议名称不能为空") @Size(max = 200, message = "会议名称不能超过 200 字") String title,
      @NotBlank(message = "会议层级（区县代码）不能为空")
      @Pattern(regexp = "\\d{6}", message = "会议层级须为 6 位区县代码，市本级为 610600") String county) {}

  /** The started meeting. */
  public record Started(long id, String businessKey) {}

  private final MeetingService meetings;
  private final MeetingQueries queries;

  public MeetingController(MeetingService meetings, MeetingQueries queries) {
    this.meetings = meetings;
    this.queries = queries;
  }

  /** 201: the meeting waits for its agenda in the convener's Tasklist. */
  @PostMapping
  public ResponseEntity<Started> start(@Valid @RequestBody MeetingRequest request) {
    long id = meetings.start(request.title(), request.county());
    return ResponseEntity.created(URI.create("/api/meetings/" + id))
        .body(new Started(id, JointMeetingProcess.businessKey(id)));
  }

  @GetMapping("/{id}")
  public MeetingStatus status(@PathVariable("id") long id) {
    return queries.status(id);
  }

  @GetMapping("/{id}/open-items")
  public List<DepartmentItems> openItems(@PathVariable("id") long id) {
    return queries.openItems(id);
  }

  @GetMapping("/{id}/summary")
  public MeetingSummary summary(@PathVariable("id") long id) {
    return queries.summary(id);
  }

  /** 责任分工表: the plan's tasks and their responsible departments. */
  @GetMapping("/plan-tasks")
  public List<PlanTask> planTasks() {
    return queries.planTasks();
  }
}
