package cn.tuoyu.registration;

import cn.tuoyu.institution.Certificate;
import cn.tuoyu.institution.StaffRole;
import cn.tuoyu.institution.ValidCreditCode;
import cn.tuoyu.institution.ValidIdNumber;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A filing (备案) as the institution submits it through the government service portal: {@code POST /api/filings}. */
public record FilingRequest(
    @NotBlank(message = "统一社会信用代码不能为空") @ValidCreditCode String creditCode,
    @NotBlank(message = "营业执照或登记证书编号不能为空") @Size(max = 100, message = "证照编号不能超过100字") String licenceNo,
    @NotBlank(message = "场地证明不能为空") @Size(max = 1000, message = "场地证明不能超过1000字") String premises,
    @NotBlank(message = "消防安全材料不能为空") @Size(max = 1000, message = "消防安全材料不能超过1000字") String fireSafety,
    @NotBlank(message = "卫生评价报告不能为空") @Size(max = 1000, message = "卫生评价报告不能超过1000字") String healthEvaluation,
    @NotBlank(message = "收费项目和标准不能为空") @Size(max = 1000, message = "收费项目和标准不能超过1000字") String feeSchedule,
    @NotEmpty(message = "工作人员名单不能为空") @Size(max = 500, message = "工作人员名单不能超过500人") List<@Valid @NotNull(message = "工作人员不能为空") Staff> staff) {

  /** One person on the staff list. */
  public record Staff(
      @NotBlank(message = "姓名不能为空") @Size(max = 50, message = "姓名不能超过50字") String name,
      @NotBlank(message = "身份证号不能为空") @ValidIdNumber String idNumber,
      @NotNull(message = "岗位不能为空") StaffRole role,
      List<@NotNull(message = "证书不能为空") Certificate> certificates) {

    public List<Certificate> certificatesOrEmpty() {
      return certificates == null ? List.of() : certificates;
    }
  }
}
