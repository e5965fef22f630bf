package cn.tuoyu.inspection;

import cn.tuoyu.inspection.InspectionService.SelfReportResult;
import cn.tuoyu.inspection.InspectionService.SpecialInspectionResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inspections from outside Tasklist: institutions' self-reports through the government service
 * portal ({@code portal} account), and special inspections ordered by the county health department.
 * HTTP Basic as a user of the engine; authorizations and county tenants apply.
 */
@RestController
@RequestMapping("/api/inspections")
public class InspectionController {

  private final InspectionService inspections;

  public InspectionController(InspectionService inspections) {
    this.inspections = inspections;
  }

  /** 200 when the report reached its waiting inspection; 404 when no inspection waits for it. */
  @PostMapping("/{inspectionKey}/self-report")
  public SelfReportResult submitSelfReport(
      @PathVariable @Pattern(regexp = "[0-9A-Z]{18}-\\d{4}", message = "年检业务编号格式应为 统一社会信用代码-年份")
          String inspectionKey,
      @Valid @RequestBody SelfReportRequest request) {
    return inspections.submitSelfReport(inspectionKey, request);
  }

  /** 201 with the new special inspection; 404 for an unknown institution, 409 if it is not filed. */
  @PostMapping("/special")
  public ResponseEntity<SpecialInspectionResult> startSpecial(@Valid @RequestBody SpecialInspectionRequest request) {
    SpecialInspectionResult result = inspections.startSpecial(request);
    return ResponseEntity.created(URI.create("/api/inspections/" + result.inspectionKey())).body(result);
  }
}
