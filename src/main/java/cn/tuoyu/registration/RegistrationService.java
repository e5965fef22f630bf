package cn.tuoyu.registration;

import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.identity.Department;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.registration.RegistrationFilingProcess.Variables;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * 核准登记 → registry: who may register what, the idempotent start of a case, and the record of
 * the registration when the case starts (from REST or the Tasklist start form alike).
 */
@Service
public class RegistrationService {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** The case of a registration; {@code created} is false when it already existed. */
  public record RegistrationResult(String creditCode, String processInstanceId, boolean created) {}

  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final InstitutionRepository institutions;
  private final CountyRepository counties;
  private final Validator validator;

  public RegistrationService(RuntimeService runtime, HistoryService history, IdentityService identity,
      InstitutionRepository institutions, CountyRepository counties, Validator validator) {
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    this.institutions = institutions;
    this.counties = counties;
    this.validator = validator;
  }

  /**
   * Starts the case of an already validated request as the authenticated registration clerk, or
   * returns the existing case of the same credit code, also when an identical request races this one.
   */
  public RegistrationResult register(RegistrationRequest request) {
    String creditCode = CreditCode.parse(request.creditCode()).value();
    if (!counties.isKnown(request.county())) {
      throw new IllegalArgumentException("county：所在区县 " + request.county() + " 不是已登记的区县代码");
    }
    Optional<String> existing = existingCase(creditCode);
    if (existing.isPresent()) {
      return new RegistrationResult(creditCode, existing.get(), false);
    }
    try {
      String id = runtime.createProcessInstanceByKey(RegistrationFilingProcess.KEY)
          .businessKey(creditCode)
          .setVariables(request.toVariables())
          .execute()
          .getId();
      return new RegistrationResult(creditCode, id, true);
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) {
        // An identical registration committed first; its case is the answer.
        return new RegistrationResult(creditCode, existingCase(creditCode).orElseThrow(() -> e), false);
      }
      throw e;
    }
  }

  /** The case of a credit code, looked up as the system: the caller may not read process instances. */
  public Optional<String> existingCase(String creditCode) {
    return CurrentUser.asSystem(identity, () -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(RegistrationFilingProcess.KEY)
        .processInstanceBusinessKey(creditCode)
        .list().stream()
        .min(Comparator.comparing(HistoricProcessInstance::getStartTime))
        .map(HistoricProcessInstance::getId));
  }

  /** Task_RecordRegistration: validates the start variables and writes the registry entry. */
  public void recordRegistration(DelegateExecution execution) {
    RegistrationRequest request = readRequest(execution);
    Authentication caller = CurrentUser.of(identity);
    String authority = registrationAuthority(caller, execution);
    String creditCode = CreditCode.parse(request.creditCode()).value();
    checkAllowed(request, authority, caller);
    if (institutions.exists(creditCode)) {
      throw new RegistrationRejectedException("统一社会信用代码 " + creditCode + " 的机构已登记，登记案件已存在，请勿重复录入");
    }
    OffsetDateTime approvedAt = request.approvedAt().atStartOfDay(ZONE).toOffsetDateTime();
    Institution institution = new Institution(creditCode, request.institutionName().trim(), request.nature(),
        request.inclusive(), request.county(), request.address().trim(), request.legalRepresentative().trim(),
        request.capacityInfant(), request.capacityToddlerSmall(), request.capacityToddlerLarge(),
        request.monthlyFee(), authority, blankToNull(request.supervisoryDepartment()), approvedAt,
        InstitutionStatus.REGISTERED, false, null, null);
    try {
      institutions.insert(institution, caller.getUserId());
    } catch (DuplicateKeyException e) {
      throw new RegistrationRejectedException("统一社会信用代码 " + creditCode + " 的机构已登记，请勿重复录入");
    }
    execution.setProcessBusinessKey(creditCode);
    Date approved = Date.from(approvedAt.toInstant());
    execution.setVariable(Variables.CREDIT_CODE, creditCode);
    execution.setVariable(Variables.REGISTRATION_AUTHORITY, authority);
    execution.setVariable(Variables.APPROVED_AT, approved);
    execution.setVariable(Variables.FILING_DEADLINE_FROM, approved);
    execution.setVariable(Variables.INSTITUTION_SUMMARY, summary(institution));
    for (String moved : RegistrationFields.MOVED_TO_REGISTRY) {
      execution.removeVariable(moved);
    }
  }

  /** A readable summary for task forms; no personal data beyond the publicly registered legal representative. */
  public String summary(Institution i) {
    String county = counties.findByCode(i.countyCode()).map(c -> c.name()).orElse(i.countyCode());
    String authority = Department.byGroupId(i.registrationAuthority()).map(Department::displayName)
        .orElse(i.registrationAuthority());
    String supervisory = i.supervisoryDepartment() == null ? "无"
        : Department.byGroupId(i.supervisoryDepartment()).map(Department::displayName).orElse(i.supervisoryDepartment());
    return String.join("\n",
        "机构名称：" + i.name(),
        "统一社会信用代码：" + i.creditCode(),
        "机构性质：" + i.nature().label() + (i.inclusive() ? "（普惠性）" : ""),
        "所在区县：" + county,
        "机构地址：" + i.address(),
        "法定代表人：" + i.legalRepresentative(),
        "托位：乳儿班 " + i.capacityInfant() + "，托小班 " + i.capacityToddlerSmall() + "，托大班 "
            + i.capacityToddlerLarge() + "（共 " + i.totalCapacity() + " 个）",
        "收费标准：" + (i.monthlyFee() == null ? "未填写" : i.monthlyFee().stripTrailingZeros().toPlainString() + " 元/月"),
        "核准登记：" + CHINESE_DATE.format(i.approvedAt().atZoneSameInstant(ZONE)) + "（" + authority + "）",
        "业务主管部门：" + supervisory);
  }

  /** The departments that sign for the pushed record: county health, and the supervisory department if another. */
  public List<String> acknowledgingDepartments(String creditCode) {
    Institution i = institutions.find(creditCode).orElseThrow(() -> new IllegalStateException("机构不存在：" + creditCode));
    String health = Department.HEALTH.groupId();
    if (i.supervisoryDepartment() == null || i.supervisoryDepartment().equals(health)) {
      return List.of(health);
    }
    return List.of(health, i.supervisoryDepartment());
  }

  private void checkAllowed(RegistrationRequest request, String authority, Authentication caller) {
    if (request.nature() == InstitutionNature.FOR_PROFIT && !Department.APPROVAL.groupId().equals(authority)) {
      throw new RegistrationRejectedException("营利性托育机构由行政审批局登记，编办不能登记营利性机构");
    }
    if (caller.getUserId() != null && !caller.getTenantIds().contains(request.county())) {
      throw new RegistrationRejectedException("您不能登记其他区县的机构（所在区县 " + request.county() + "）");
    }
    String supervisory = blankToNull(request.supervisoryDepartment());
    if (supervisory != null && Department.byGroupId(supervisory).isEmpty()) {
      throw new RegistrationRejectedException("业务主管部门 " + supervisory + " 不是已知的部门");
    }
  }

  /** 行政审批局 or 编办: from the clerk's department, or (engine acting alone) from the start variables. */
  private static String registrationAuthority(Authentication caller, DelegateExecution execution) {
    if (caller.getUserId() == null) {
      Object given = execution.getVariable(Variables.REGISTRATION_AUTHORITY);
      if (given != null) {
        return given.toString();
      }
      throw new RegistrationRejectedException("无法确定登记机关：请由行政审批局或编办经办人员登记");
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.contains(Department.APPROVAL.groupId())) {
      return Department.APPROVAL.groupId();
    }
    if (groups.contains(Department.ESTABLISHMENT.groupId())) {
      return Department.ESTABLISHMENT.groupId();
    }
    throw new RegistrationRejectedException("只有行政审批局或编办的经办人员可以登记托育机构");
  }

  private RegistrationRequest readRequest(DelegateExecution execution) {
    RegistrationRequest request;
    try {
      request = new RegistrationRequest(
          string(execution, RegistrationFields.CREDIT_CODE),
          string(execution, RegistrationFields.INSTITUTION_NAME),
          nature(string(execution, RegistrationFields.NATURE)),
          Boolean.TRUE.equals(execution.getVariable(RegistrationFields.INCLUSIVE)),
          string(execution, RegistrationFields.COUNTY),
          string(execution, RegistrationFields.ADDRESS),
          string(execution, RegistrationFields.LEGAL_REPRESENTATIVE),
          integer(execution, RegistrationFields.CAPACITY_INFANT),
          integer(execution, RegistrationFields.CAPACITY_TODDLER_SMALL),
          integer(execution, RegistrationFields.CAPACITY_TODDLER_LARGE),
          decimal(execution.getVariable(RegistrationFields.MONTHLY_FEE)),
          string(execution, RegistrationFields.SUPERVISORY_DEPARTMENT),
          date(execution.getVariable(RegistrationFields.APPROVED_AT)));
    } catch (IllegalArgumentException e) {
      throw new RegistrationRejectedException(e.getMessage());
    }
    List<String> problems = validator.validate(request).stream()
        .map(ConstraintViolation::getMessage).sorted().collect(Collectors.toList());
    if (!problems.isEmpty()) {
      throw new RegistrationRejectedException("登记信息有误：" + String.join("；", problems));
    }
    return request;
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static int integer(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      if (n.doubleValue() != Math.floor(n.doubleValue())) {
        throw new IllegalArgumentException(name + " 应为整数");
      }
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " 应为整数，实际为 " + value);
    }
  }

  private static BigDecimal decimal(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("收费标准应为数字，实际为 " + value);
    }
  }

  private static InstitutionNature nature(String value) {
    if (value == null) {
      return null;
    }
    try {
      return InstitutionNature.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("机构性质应为 FOR_PROFIT（营利性）或 NON_PROFIT（非营利性），实际为 " + value);
    }
  }

  /** The approval date from a form (ISO date or date-time string) or a java.util.Date. */
  static LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZONE).toLocalDate();
    }
    String text = value.toString().trim();
    try {
      return text.length() > 10 ? OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toLocalDate()
          : LocalDate.parse(text);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("核准登记日期格式应为 yyyy-MM-dd，实际为 " + text);
    }
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("已登记")) {
        return true;
      }
    }
    return false;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
