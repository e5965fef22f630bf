package cn.tuoyu.rectification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 限期整改 through the API: the institution's report (through the government service portal, user
 * group {@code portal}) and the case's state for clerks, inspectors and supervisors of its county.
 * Both authenticate with HTTP Basic as an engine user.
 */
@RestController
@RequestMapping("/api/rectifications")
public class RectificationController {

  /** Characters of an inspection key: {@code <credit code>-<year>} and the like. */
  static final String KEY_PATTERN = "^[0-9A-Za-z-]{1,60}$";

  /** What a report produced. */
  public record ReportResult(String inspectionKey, long reportId) {}

  private final RectificationService rectifications;

  public RectificationController(RectificationService rectifications) {
    this.rectifications = rectifications;
  }

  /** 201; 404 when no rectification case waits for a report under this inspection key. */
  @PostMapping("/{inspectionKey}/report")
  public ResponseEntity<ReportResult> report(
      @PathVariable("inspectionKey") @Pattern(regexp = KEY_PATTERN, message = "检查编号格式不正确") String inspectionKey,
      @Valid @RequestBody RectificationReportRequest request) {
    long reportId = rectifications.submitReport(inspectionKey, request);
    return ResponseEntity.created(URI.create("/api/rectifications/" + inspectionKey))
        .body(new ReportResult(inspectionKey, reportId));
  }

  @GetMapping("/{inspectionKey}")
  public RectificationStatus status(
      @PathVariable("inspectionKey") @Pattern(regexp = KEY_PATTERN, message = "检查编号格式不正确") String inspectionKey) {
    return rectifications.status(inspectionKey);
  }
}
