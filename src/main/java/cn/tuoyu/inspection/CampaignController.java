package cn.tuoyu.inspection;

import cn.tuoyu.inspection.CampaignService.CampaignProgress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 * 年检批次: a supervisor starts the annual inspection of a year for a county (or the whole city,
 * 610600) and watches its progress. The work itself runs in the background, chunk by chunk.
 */
@RestController
@RequestMapping("/api/inspection-campaigns")
public class CampaignController {

  /** What a supervisor asks for. */
  public record CampaignRequest(
      @NotNull(message = "年检年度不能为空") Integer year,
      @NotBlank(message = "年检范围（区县代码）不能为空")
      @Pattern(regexp = "\\d{6}", message = "年检范围须为 6 位区县代码，市本级为 610600") String county) {}

  private final CampaignService campaigns;

  public CampaignController(CampaignService campaigns) {
    this.campaigns = campaigns;
  }

  /** 202: the campaign runs on; its progress is at the returned location. */
  @PostMapping
  public ResponseEntity<CampaignProgress> start(@Valid @RequestBody CampaignRequest request) {
    CampaignProgress progress = campaigns.start(request.year(), request.county());
    return ResponseEntity.accepted()
        .location(URI.create("/api/inspection-campaigns/" + request.year() + "/" + request.county()))
        .body(progress);
  }

  @GetMapping("/{year}/{county}")
  public CampaignProgress progress(@PathVariable int year, @PathVariable String county) {
    return campaigns.progress(year, county);
  }
}
