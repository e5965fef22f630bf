package cn.tuoyu.inspection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The institution's annual self-inspection report (年度自查报告) as it comes through the government
 * service portal: {@code POST /api/inspections/{inspectionKey}/self-report}.
 */
public record SelfReportRequest(
    @NotBlank(message = "自查报告不能为空") @Size(max = 4000, message = "自查报告不能超过4000字") String report,
    @NotNull(message = "在托婴幼儿数不能为空") @Min(value = 0, message = "在托婴幼儿数不能为负数")
        @Max(value = 10000, message = "在托婴幼儿数不能超过10000") Integer enrolledChildren,
    @NotNull(message = "工作人员数不能为空") @Min(value = 0, message = "工作人员数不能为负数")
        @Max(value = 10000, message = "工作人员数不能超过10000") Integer staffCount,
    @NotNull(message = "本年度安全事故数不能为空") @Min(value = 0, message = "本年度安全事故数不能为负数")
        @Max(value = 10000, message = "本年度安全事故数不能超过10000") Integer safetyIncidents) {}
