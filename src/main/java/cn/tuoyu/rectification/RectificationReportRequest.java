package cn.tuoyu.rectification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * 整改报告 as the institution submits it through the government service portal:
 * {@code POST /api/rectifications/{inspectionKey}/report}.
 *
 * @param reportText 整改情况报告
 * @param measures 已采取的整改措施
 * @param completedOn 整改完成日期 (optional; not in the future)
 */
public record RectificationReportRequest(
    @NotBlank(message = "整改情况报告不能为空") @Size(max = 4000, message = "整改情况报告不能超过4000字") String reportText,
    @NotBlank(message = "整改措施不能为空") @Size(max = 4000, message = "整改措施不能超过4000字") String measures,
    @PastOrPresent(message = "整改完成日期不能晚于今天") LocalDate completedOn) {}
