package cn.tuoyu.registration;

import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.ValidCreditCode;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * An approved registration (核准登记) as the registration authority's system sends it to
 * {@code POST /api/registrations}, and as the Tasklist start form enters it by hand (same field names).
 */
public record RegistrationRequest(
    @NotBlank(message = "统一社会信用代码不能为空") @ValidCreditCode String creditCode,
    @NotBlank(message = "机构名称不能为空") @Size(max = 200, message = "机构名称不能超过200字") String institutionName,
    @NotNull(message = "机构性质不能为空（FOR_PROFIT 营利性 / NON_PROFIT 非营利性）") InstitutionNature nature,
    boolean inclusive,
    @NotBlank(message = "所在区县不能为空") @Pattern(regexp = "\\d{6}", message = "所在区县应为6位行政区划代码") String county,
    @NotBlank(message = "机构地址不能为空") @Size(max = 300, message = "机构地址不能超过300字") String address,
    @NotBlank(message = "法定代表人不能为空") @Size(max = 50, message = "法定代表人不能超过50字") String legalRepresentative,
    @Min(value = 0, message = "乳儿班托位数不能为负数") int capacityInfant,
    @Min(value = 0, message = "托小班托位数不能为负数") int capacityToddlerSmall,
    @Min(value = 0, message = "托大班托位数不能为负数") int capacityToddlerLarge,
    @DecimalMin(value = "0", message = "收费标准不能为负数") BigDecimal monthlyFee,
    String supervisoryDepartment,
    @NotNull(message = "核准登记日期不能为空") @PastOrPresent(message = "核准登记日期不能晚于今天") LocalDate approvedAt) {

  /** The start variables of RegistrationFilingProcess; the record delegate reads them back. */
  public Map<String, Object> toVariables() {
    Map<String, Object> v = new HashMap<>();
    v.put(RegistrationFields.CREDIT_CODE, creditCode);
    v.put(RegistrationFields.INSTITUTION_NAME, institutionName);
    v.put(RegistrationFields.NATURE, nature.name());
    v.put(RegistrationFields.INCLUSIVE, inclusive);
    v.put(RegistrationFields.COUNTY, county);
    v.put(RegistrationFields.ADDRESS, address);
    v.put(RegistrationFields.LEGAL_REPRESENTATIVE, legalRepresentative);
    v.put(RegistrationFields.CAPACITY_INFANT, capacityInfant);
    v.put(RegistrationFields.CAPACITY_TODDLER_SMALL, capacityToddlerSmall);
    v.put(RegistrationFields.CAPACITY_TODDLER_LARGE, capacityToddlerLarge);
    v.put(RegistrationFields.MONTHLY_FEE, monthlyFee == null ? null : monthlyFee.doubleValue());
    v.put(RegistrationFields.SUPERVISORY_DEPARTMENT, supervisoryDepartment);
    v.put(RegistrationFields.APPROVED_AT, approvedAt.toString());
    return v;
  }
}
