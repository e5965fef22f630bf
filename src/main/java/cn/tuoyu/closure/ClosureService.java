package cn.tuoyu.closure;

import cn.tuoyu.system.RuleViolationException;
import cn.tuoyu.closure.ClosureProcess.ApprovalDecision;
import cn.tuoyu.closure.ClosureProcess.BanKind;
import cn.tuoyu.closure.ClosureProcess.Variables;
import cn.tuoyu.closure.ClosureRepository.ClosureCase;
import cn.tuoyu.closure.ClosureRepository.Placement;
import cn.tuoyu.closure.ClosureRepository.ReviewResult;
import cn.tuoyu.closure.ClosureRepository.Staff;
import cn.tuoyu.identity.CountyRepository;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.identity.Department;
import cn.tuoyu.identity.Role;
import cn.tuoyu.institution.BlacklistRepository;
import cn.tuoyu.institution.IdNumber;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.institution.StaffRole;
import cn.tuoyu.system.NotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Service;

/**
 * 关闭注销并公告: the idempotent start from the annual inspection, the closure decision with its
 * blacklist entries, deregistration, placement, and the public announcement.
 */
@Service
public class ClosureService {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final ClosureRepository closures;
  private final InstitutionRepository institutions;
  private final BlacklistRepository blacklist;
  private final CountyRepository counties;
  private final ClosureSettings settings;
  private final InspectionHistory inspections;

  public ClosureService(RuntimeService runtime, IdentityService identity, ClosureRepository closures,
      InstitutionRepository institutions, BlacklistRepository blacklist, CountyRepository counties,
      ClosureSettings settings, InspectionHistory inspections) {
    this.runtime = runtime;
    this.identity = identity;
    this.closures = closures;
    this.blacklist = blacklist;
    this.institutions = institutions;
    this.counties = counties;
    this.settings = settings;
    this.inspections = inspections;
  }

  /**
   * startClosureDelegate, inside AnnualInspectionProcess: starts the institution's closure case
   * unless one exists (running or finished). The case row and the start share the inspection's
   * transaction, and the row's unique credit code keeps a concurrent second start out.
   *
   * @return true when a case was started now
   */
  public boolean startFrom(DelegateExecution execution) {
    String creditCode = requiredString(execution, Variables.CREDIT_CODE);
    String county = requiredString(execution, Variables.COUNTY);
    Object year = execution.getVariable(Variables.INSPECTION_YEAR);
    if (!(year instanceof Number number)) {
      throw new IllegalStateException("流程变量 inspectionYear 缺失或不是整数：" + year);
    }
    return start(creditCode, county, number.intValue());
  }

  /**
   * Opens and starts the closure case of an institution, once. Closing is grave, so the rule is
   * checked here again: without two failed annual reviews in a row nothing starts (an incident).
   */
  public boolean start(String creditCode, String county, int inspectionYear) {
    if (!inspections.failedTwoYearsInARow(creditCode, inspectionYear)) {
      throw new IllegalStateException("机构 " + creditCode + " 的 " + (inspectionYear - 1) + "、" + inspectionYear
          + " 年度年审并非连续两年不合格，不能启动关闭注销");
    }
    if (!closures.openIfAbsent(creditCode, county, inspectionYear)) {
      return false;
    }
    runtime.createProcessInstanceByKey(ClosureProcess.KEY)
        .businessKey(ClosureProcess.businessKey(creditCode))
        .setVariable(Variables.COUNTY, county)
        .setVariable(Variables.CREDIT_CODE, creditCode)
        .setVariable(Variables.INSPECTION_YEAR, inspectionYear)
        .execute();
    return true;
  }

  /** The departments of the placement multi-instance. */
  public List<String> placementDepartments() {
    return ClosureProcess.PLACEMENT_DEPARTMENTS;
  }

  /** Task_OpenClosureCase: the case row (also for a case started by hand) and what the forms show. */
  public void openCase(DelegateExecution execution) {
    String creditCode = requiredString(execution, Variables.CREDIT_CODE);
    int year = ((Number) execution.getVariable(Variables.INSPECTION_YEAR)).intValue();
    Institution institution = institution(creditCode);
    closures.openIfAbsent(creditCode, requiredString(execution, Variables.COUNTY), year);
    closures.attachProcess(creditCode, execution.getProcessInstanceId(), institution.registrationAuthority());
    List<ReviewResult> results = closures.failedYears(creditCode, year);
    List<Staff> candidates = responsiblePersons(institution);
    execution.setVariable(Variables.REGISTRATION_AUTHORITY, institution.registrationAuthority());
    execution.setVariable(Variables.INSTITUTION_SUMMARY, summary(institution));
    execution.setVariable(Variables.FAILED_YEARS, failedYears(results, year));
    execution.setVariable(Variables.BLACKLIST_CANDIDATES, SpinValues.jsonValue(candidatesJson(institution, candidates))
        .create());
    execution.setVariable(Variables.DECISION_DRAFT, defaultDraft(institution, year));
  }

  /** Task_DraftClosureDecision completing: a decision text, and persons only from the candidates. */
  public void recordDraft(DelegateTask task) {
    String draft = requiredText(task, Variables.DECISION_DRAFT, "请填写关闭决定（草稿）");
    String creditCode = (String) task.getVariable(Variables.CREDIT_CODE);
    List<Staff> persons = chosenPersons(task, institution(creditCode));
    if (!persons.isEmpty()) {
      banKind(task.getVariable(Variables.BAN_KIND));
    }
    closures.recordDraft(creditCode, draft.trim(), actor(task));
    // The next approval round starts empty; the returned comment was read by now.
    task.removeVariable(Variables.APPROVAL_DECISION);
    task.removeVariable(Variables.APPROVAL_COMMENT);
  }

  /** Task_ApproveClosureDecision completing: a decision; a return needs its reason, a ban its kind. */
  public void checkApproval(DelegateTask task) {
    ApprovalDecision decision = approvalDecision(task.getVariable(Variables.APPROVAL_DECISION));
    if (decision == ApprovalDecision.RETURN) {
      requiredText(task, Variables.APPROVAL_COMMENT, "退回修改必须写明审批意见");
      return;
    }
    String creditCode = (String) task.getVariable(Variables.CREDIT_CODE);
    if (!chosenPersons(task, institution(creditCode)).isEmpty()) {
      banKind(task.getVariable(Variables.BAN_KIND));
    }
    task.setVariable(Variables.DECIDED_BY, actor(task));
  }

  /**
   * Task_RecordClosureDecision: the decision number and date, the deregistration deadline of this
   * case, and one blacklist entry per barred person (written once, however often the job runs).
   */
  public void recordDecision(DelegateExecution execution) {
    String creditCode = requiredString(execution, Variables.CREDIT_CODE);
    Institution institution = institution(creditCode);
    List<Staff> persons = chosenPersons(execution, institution);
    BanKind kind = persons.isEmpty() ? null : banKind(execution.getVariable(Variables.BAN_KIND));
    Object decidedBy = execution.getVariable(Variables.DECIDED_BY);
    String by = decidedBy == null ? "system" : decidedBy.toString();
    LocalDate today = LocalDate.now(ZONE);
    String decisionNo = closures.recordDecision(creditCode, today, by, kind == null ? null : kind.name());
    ClosureCase closure = closures.get(creditCode);
    String reason = "托育机构“" + institution.name() + "”（" + creditCode + "）连续两年年审不合格被关闭的责任人，关闭决定 "
        + decisionNo + (kind == BanKind.LIFETIME_BAN ? "，终身禁止从事托育服务" : "");
    for (Staff person : persons) {
      closures.recordBannedPerson(closure.id(), person, kind == BanKind.LIFETIME_BAN);
      blacklist.addOnce(person.idNumber(), person.name(), reason, kind == BanKind.LIFETIME_BAN,
          ClosureProcess.businessKey(creditCode));
    }
    execution.setVariable(Variables.DECISION_NO, decisionNo);
    execution.setVariable(Variables.DECIDED_AT, Date.from(today.atStartOfDay(ZONE).toInstant()));
    execution.setVariable(Variables.DEREGISTRATION_WORKING_DAYS, settings.deregistrationWorkingDays());
  }

  /** Task_DeregisterInstitution completing: the date and document number of 注销登记. */
  public void recordDeregistration(DelegateTask task) {
    LocalDate on = date(task.getVariable(Variables.DEREGISTERED_ON), "请填写注销登记日期");
    if (on.isAfter(LocalDate.now(ZONE))) {
      throw new RuleViolationException("注销登记日期不能晚于今天");
    }
    String documentNo = requiredText(task, Variables.DEREGISTRATION_DOCUMENT_NO, "请填写注销登记文书编号");
    closures.recordDeregistration((String) task.getVariable(Variables.CREDIT_CODE), on, documentNo.trim(),
        actor(task));
  }

  /** Task_PlanPlacement completing (per department): how many children, and where they go. */
  public void recordPlacement(DelegateTask task) {
    String department = (String) task.getVariable(Variables.PLACEMENT_DEPARTMENT);
    Object count = task.getVariable(Variables.CHILDREN_COUNT);
    if (!(count instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.floor(n.doubleValue())) {
      throw new RuleViolationException("请填写在托婴幼儿人数（不小于 0 的整数）");
    }
    String destination = requiredText(task, Variables.PLACEMENT_DESTINATION, "请填写安置去向");
    Object note = task.getVariable(Variables.PLACEMENT_NOTE);
    ClosureCase closure = closures.get((String) task.getVariable(Variables.CREDIT_CODE));
    closures.recordPlacement(closure.id(), new Placement(department, n.intValue(), destination.trim(),
        note == null || note.toString().isBlank() ? null : note.toString().trim(), actor(task)));
  }

  /** Task_PublishClosureAnnouncement created: today's date and a text to start from. */
  public void prepareAnnouncement(DelegateTask task) {
    String creditCode = (String) task.getVariable(Variables.CREDIT_CODE);
    if (task.getVariable(Variables.ANNOUNCEMENT_DATE) == null) {
      task.setVariable(Variables.ANNOUNCEMENT_DATE, LocalDate.now(ZONE).toString());
    }
    if (task.getVariable(Variables.ANNOUNCEMENT_TEXT) == null) {
      task.setVariable(Variables.ANNOUNCEMENT_TEXT, defaultAnnouncement(institution(creditCode),
          closures.get(creditCode)));
    }
  }

  /** Task_PublishClosureAnnouncement completing: a date and a text. */
  public void checkAnnouncement(DelegateTask task) {
    date(task.getVariable(Variables.ANNOUNCEMENT_DATE), "请填写公告日期");
    requiredText(task, Variables.ANNOUNCEMENT_TEXT, "请填写公告内容");
  }

  /**
   * Task_CloseInstitution: the institution is closed, then deregistered (both in its status
   * history), and the announcement is stored, which puts it on the public disclosure page.
   */
  public void closeInstitution(DelegateExecution execution) {
    String creditCode = requiredString(execution, Variables.CREDIT_CODE);
    ClosureCase closure = closures.get(creditCode);
    LocalDate announced = date(execution.getVariable(Variables.ANNOUNCEMENT_DATE), "公告日期缺失");
    String text = execution.getVariable(Variables.ANNOUNCEMENT_TEXT).toString().trim();
    String by = actor(execution);
    InstitutionStatus status = institution(creditCode).status();
    if (status != InstitutionStatus.CLOSED && status != InstitutionStatus.DEREGISTERED) {
      institutions.changeStatus(creditCode, InstitutionStatus.CLOSED, by,
          "连续两年年审不合格，予以关闭，关闭决定 " + closure.decisionNo());
      status = InstitutionStatus.CLOSED;
    }
    if (status == InstitutionStatus.CLOSED) {
      institutions.changeStatus(creditCode, InstitutionStatus.DEREGISTERED, by,
          "注销登记，文书编号 " + closure.deregistrationDocumentNo() + "；" + CHINESE_DATE.format(announced)
              + "向社会公告");
    }
    closures.recordAnnouncement(creditCode, announced, text, by);
  }

  /**
   * The case for {@code GET /api/closures/{creditCode}}: for clerks, inspectors and supervisors of
   * the institution's county, and administrators; everyone else learns nothing, not even that it exists.
   */
  public ClosureView view(String creditCode) {
    Authentication caller = CurrentUser.of(identity);
    ClosureCase c = closures.find(creditCode)
        .filter(found -> maySee(caller, found.countyCode()))
        .orElseThrow(() -> new NotFoundException("没有机构 " + creditCode + " 的关闭案件"));
    Institution i = institution(creditCode);
    return new ClosureView(creditCode, i.name(), c.countyCode(), i.status().name(), i.status().label(),
        c.inspectionYear(), c.processInstanceId(), c.decisionNo(), c.decidedOn(),
        c.banKind() == null ? null : BanKind.valueOf(c.banKind()).label(),
        closures.bannedPersons(c.id()).stream()
            .map(p -> new ClosureView.Person(p.name(), p.role().label(), p.lifetimeBan())).toList(),
        c.deregistrationAuthority(), c.deregisteredOn(), c.deregistrationDocumentNo(),
        closures.placements(c.id()).stream()
            .map(p -> new ClosureView.Placement(p.department(), p.childrenCount(), p.destination(), p.note())).toList(),
        c.announcementDate(), c.announcementText());
  }

  static boolean maySee(Authentication caller, String county) {
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.contains(Role.ADMINISTRATOR.groupId())) {
      return true;
    }
    boolean official = groups.contains(Role.CLERK.groupId()) || groups.contains(Role.INSPECTOR.groupId())
        || groups.contains(Role.SUPERVISOR.groupId());
    return official && caller.getTenantIds() != null && caller.getTenantIds().contains(county);
  }

  // --- texts for the forms

  private String summary(Institution i) {
    String county = counties.findByCode(i.countyCode()).map(c -> c.name()).orElse(i.countyCode());
    return String.join("\n",
        "机构名称：" + i.name(),
        "统一社会信用代码：" + i.creditCode(),
        "所在区县：" + county,
        "机构地址：" + i.address(),
        "法定代表人：" + i.legalRepresentative(),
        "登记机关：" + departmentName(i.registrationAuthority()),
        "托位：" + i.totalCapacity() + " 个",
        "当前状态：" + i.status().label());
  }

  static String failedYears(List<ReviewResult> results, int year) {
    StringBuilder text = new StringBuilder();
    for (int y = year - 1; y <= year; y++) {
      int shown = y;
      ReviewResult r = results.stream().filter(x -> x.year() == shown).findFirst().orElse(null);
      text.append(y).append(" 年度年审：");
      if (r == null) {
        text.append("无记录");
      } else {
        text.append(InspectionResult.valueOf(r.result()).label());
        if (r.enteredManually()) {
          text.append("（补录）");
        }
        if (r.note() != null && !r.note().isBlank()) {
          text.append("。").append(r.note().trim());
        }
      }
      text.append('\n');
    }
    return text.toString().stripTrailing();
  }

  private String defaultDraft(Institution i, int year) {
    return "关于关闭“" + i.name() + "”并注销登记的决定\n\n"
        + i.name() + "（统一社会信用代码 " + i.creditCode() + "）" + (year - 1) + " 年度、" + year
        + " 年度连续两年年审不合格。依据托育机构登记注册年检制度“连续两年年审不合格者予以关闭、注销登记，并向社会公告”的规定，"
        + "决定：\n一、自本决定送达之日起关闭该机构，停止托育服务；\n二、由登记机关（" + departmentName(i.registrationAuthority())
        + "）依法注销其登记；\n三、妥善安置在托婴幼儿；\n四、向社会公告。";
  }

  private String defaultAnnouncement(Institution i, ClosureCase c) {
    return "关于关闭“" + i.name() + "”的公告\n\n" + i.name() + "（统一社会信用代码 " + i.creditCode() + "，地址："
        + i.address() + "）连续两年年审不合格，依据关闭决定（" + c.decisionNo() + "）予以关闭，"
        + "登记机关已于 " + (c.deregisteredOn() == null ? "近日" : CHINESE_DATE.format(c.deregisteredOn()))
        + "注销其登记。在托婴幼儿已妥善安置。特此公告。";
  }

  /** Responsible persons of the latest filed staff list: the principal(s) and the legal representative. */
  private List<Staff> responsiblePersons(Institution i) {
    return closures.latestFiledStaff(i.creditCode()).stream()
        .filter(s -> s.role() == StaffRole.PRINCIPAL || s.name().equals(i.legalRepresentative()))
        .toList();
  }

  private String candidatesJson(Institution i, List<Staff> candidates) {
    ArrayNode values = JSON.createArrayNode();
    for (Staff s : candidates) {
      List<String> roles = new ArrayList<>();
      if (s.name().equals(i.legalRepresentative())) {
        roles.add("法定代表人");
      }
      roles.add(s.role().label());
      values.addObject()
          .put("label", s.name() + "（" + String.join("、", roles) + "，身份证号 " + masked(s.idNumber()) + "）")
          .put("value", String.valueOf(s.id()));
    }
    return values.toString();
  }

  static String masked(String idNumber) {
    if (idNumber == null || idNumber.length() != 18) {
      return "（号码无效）";
    }
    return IdNumber.isValid(idNumber) ? IdNumber.parse(idNumber).masked()
        : idNumber.substring(0, 6) + "********" + idNumber.substring(14);
  }

  // --- reading form values

  /** The persons chosen on the form, each one of the institution's responsible persons. */
  private List<Staff> chosenPersons(VariableScope scope, Institution institution) {
    Set<String> chosen = ids(scope.getVariable(Variables.BLACKLIST_PERSONS));
    if (chosen.isEmpty()) {
      return List.of();
    }
    Map<String, Staff> candidates = responsiblePersons(institution).stream()
        .collect(Collectors.toMap(s -> String.valueOf(s.id()), Function.identity()));
    List<Staff> persons = new ArrayList<>();
    for (String id : chosen) {
      Staff staff = candidates.get(id);
      if (staff == null) {
        throw new RuleViolationException("所选人员 " + id + " 不是该机构备案人员名单中的负责人，不能列入黑名单");
      }
      persons.add(staff);
    }
    return persons;
  }

  /** A checklist's value: Json from Tasklist, a list from REST or tests, or a comma-separated text. */
  static Set<String> ids(Object value) {
    Set<String> ids = new LinkedHashSet<>();
    if (value == null) {
      return ids;
    }
    if (value instanceof Collection<?> list) {
      list.forEach(v -> ids.add(v.toString().trim()));
    } else {
      String text = value.toString().trim();
      if (text.startsWith("[")) {
        try {
          for (JsonNode node : JSON.readTree(text)) {
            ids.add(node.asText().trim());
          }
        } catch (java.io.IOException e) {
          throw new RuleViolationException("黑名单人员格式无效");
        }
      } else {
        for (String part : text.split(",")) {
          ids.add(part.trim());
        }
      }
    }
    ids.remove("");
    return ids;
  }

  private static BanKind banKind(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new RuleViolationException("请选择对所列人员的处理：列入不良记录黑名单或终身禁入");
    }
    try {
      return BanKind.valueOf(value.toString());
    } catch (IllegalArgumentException e) {
      throw new RuleViolationException("处理方式 " + value + " 无效，应为 BLACKLIST 或 LIFETIME_BAN");
    }
  }

  private static ApprovalDecision approvalDecision(Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new RuleViolationException("请选择审批结论：批准关闭决定或退回修改");
    }
    try {
      return ApprovalDecision.valueOf(value.toString());
    } catch (IllegalArgumentException e) {
      throw new RuleViolationException("审批结论 " + value + " 无效，应为 APPROVE 或 RETURN");
    }
  }

  /** A date from a form (yyyy-MM-dd or ISO date-time) or a java.util.Date. */
  static LocalDate date(Object value, String missing) {
    if (value == null || value.toString().isBlank()) {
      throw new RuleViolationException(missing);
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(ZONE).toLocalDate();
    }
    String text = value.toString().trim();
    try {
      return text.length() > 10 ? OffsetDateTime.parse(text).atZoneSameInstant(ZONE).toLocalDate()
          : LocalDate.parse(text);
    } catch (RuntimeException e) {
      throw new RuleViolationException("日期格式应为 yyyy-MM-dd，实际为 " + text);
    }
  }

  private static String requiredText(VariableScope scope, String name, String missing) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new RuleViolationException(missing);
    }
    return value.toString();
  }

  private static String requiredString(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("流程变量 " + name + " 缺失");
    }
    return value.toString();
  }

  private Institution institution(String creditCode) {
    return institutions.find(creditCode).orElseThrow(() -> new IllegalStateException("机构不存在：" + creditCode));
  }

  private String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    String user = CurrentUser.of(identity).getUserId();
    return user != null ? user : "system";
  }

  private String actor(DelegateExecution execution) {
    String user = CurrentUser.of(identity).getUserId();
    return user != null ? user : "system";
  }

  private static String departmentName(String groupId) {
    return Department.byGroupId(groupId).map(Department::displayName).orElse(groupId);
  }
}
