package cn.tuoyu.inspection;

import cn.tuoyu.institution.ValidCreditCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A special inspection (专项检查) the county health department orders: {@code POST /api/inspections/special}. */
public record SpecialInspectionRequest(
    @NotBlank(message = "统一社会信用代码不能为空") @ValidCreditCode String creditCode,
    @NotBlank(message = "检查原因不能为空") @Size(max = 500, message = "检查原因不能超过500字") String reason) {}
