package cn.tuoyu.registration;

import cn.tuoyu.calendar.UnknownCalendarYearException;
import cn.tuoyu.calendar.WorkingDayCalendar;
import cn.tuoyu.identity.CurrentUser;
import cn.tuoyu.identity.Department;
import cn.tuoyu.institution.BlacklistRepository;
import cn.tuoyu.institution.Certificate;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.IdNumber;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.StaffRole;
import cn.tuoyu.registration.RegistrationFilingProcess.Elements;
import cn.tuoyu.registration.RegistrationFilingProcess.ReviewDecision;
import cn.tuoyu.registration.RegistrationFilingProcess.Variables;
import cn.tuoyu.system.DemoData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile: 31 infant-care institutions in 宝塔区, 安塞区 and 延长县 whose registration cases
 * stand in every state of RegistrationFilingProcess, so that each demo clerk finds work at once.
 *
 * <p>Every case is driven through the real model and services as the system (no authenticated
 * user): started with the registration's variables plus {@code registrationAuthority}, pushed and
 * acknowledged, filed through {@link FilingService#submit}, checked by executing the
 * Task_RunFilingChecks job and reviewed by completing the review task. Overdue timers are left to
 * the job executor, which fires them shortly after start.
 *
 * <p>Names, credit codes, staff lists and ID numbers are fixed, so the demo looks the same on
 * every machine; approval dates count back in working days from the day of seeding. All cases are
 * written in one transaction and only while the registry holds none of them, so a restart (or a
 * failed start) never leaves half a demo behind.
 */
@Component
@Order(RegistrationDemoData.ORDER)
public class RegistrationDemoData implements DemoData {

  /** Seeds before the demo data of later steps (e.g. the annual inspection), which build on its filed institutions. */
  public static final int ORDER = 100;

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationDemoData.class);

  /** Where a demo case is left at the end of seeding. */
  public enum DemoState {
    /** 推送登记信息 open, within the 7 working days. */
    REGISTERED("已登记待推送"),
    /** 推送登记信息 open after 7 working days: the job executor fires the timer, 督办推送登记信息 appears. */
    PUSH_OVERDUE("推送逾期待督办"),
    /** Pushed; 签收登记信息 open at health (and the supervisory department, if another). */
    AWAITING_ACKNOWLEDGEMENT("已推送待签收"),
    /** No filing after 10 working days: the job executor fires the timer, 处置逾期未备案 appears. */
    FILING_OVERDUE("逾期未备案"),
    /** Filing checked, 审核备案材料 open at health. */
    UNDER_REVIEW("待审核备案"),
    /** 退回补正: waiting for the supplemented filing, with a new 10-working-day deadline. */
    RETURNED("退回补正"),
    /** 不予备案. */
    REJECTED("不予备案"),
    /** 予以备案, with a receipt number. */
    FILED("已备案");

    private final String label;

    DemoState(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Registration kinds: nature, registering authority and the credit code's first two characters. */
  public enum Kind {
    /** 企业 (营利性), registered by 行政审批局. */
    COMPANY(InstitutionNature.FOR_PROFIT, Department.APPROVAL, "91", "MA6TY", "营业执照"),
    /** 民办非企业单位 (非营利性), registered by 行政审批局. */
    PRIVATE_NON_PROFIT(InstitutionNature.NON_PROFIT, Department.APPROVAL, "52", "MJTY", "民办非企业单位登记证书"),
    /** 公办事业单位 (非营利性), registered by 编办. */
    PUBLIC(InstitutionNature.NON_PROFIT, Department.ESTABLISHMENT, "12", "MBTY", "事业单位法人证书");

    final InstitutionNature nature;
    final Department authority;
    final String registrationCodes;
    final String identifierPrefix;
    final String licence;

    Kind(InstitutionNature nature, Department authority, String registrationCodes, String identifierPrefix,
        String licence) {
      this.nature = nature;
      this.authority = authority;
      this.registrationCodes = registrationCodes;
      this.identifierPrefix = identifierPrefix;
      this.licence = licence;
    }
  }

  /** What is wrong with a case's first filing, and the reviewer's words about it. */
  public enum Defect {
    FIRE_SELF_CHECK("消防安全材料只有机构自行出具的消防安全自查报告，缺少住建部门的消防验收意见书或备案凭证，请补充后重新提交"),
    LOW_CERTIFICATION("持证上岗率未达到 90%，3 名工作人员没有保育员证、育婴员证等资格证书，请补充证书或调整人员后重新提交"),
    HEALTH_EVALUATION_EXPIRED("卫生评价报告出具于 2024 年，已超过有效期，请由妇幼保健机构重新评价后提交"),
    SPONSORSHIP_FEE("收费项目中含一次性入托赞助费 3000 元，不符合收费管理规定，请删除后重新提交收费项目和标准"),
    FOURTH_FLOOR("婴幼儿生活用房设在商业综合体四层，不符合《托育机构设置标准（试行）》关于婴幼儿生活用房设在三层及以下的规定，不予备案"),
    BASEMENT("婴幼儿生活用房位于地下一层，不符合《托育机构设置标准（试行）》的规定，且无法整改，不予备案");

    final String comment;

    Defect(String comment) {
      this.comment = comment;
    }
  }

  /** A person on the 不良记录黑名单 (and on one demo staff list). */
  public record ListedPerson(String name, String idNumber, String reason, boolean lifetimeBan, LocalDate expiresOn) {}

  /** A lifetime ban: on the staff list of a 宝塔区 filing under review. */
  static final ListedPerson LIFETIME_BAN = new ListedPerson("赵红霞", idNumber("610602", LocalDate.of(1979, 3, 14), 28),
      "2024年在原任职托育机构虐待婴幼儿，被依法追究刑事责任", true, null);
  /** A ban in force until mid-2029: on the staff list of a 安塞区 filing under review. */
  static final ListedPerson FIVE_YEAR_BAN = new ListedPerson("孙丽娜", idNumber("610603", LocalDate.of(1988, 7, 22), 46),
      "2024年6月体罚婴幼儿被责令辞退，5年内不得从事托育服务工作", false, LocalDate.of(2029, 6, 30));
  /** An expired entry: on the staff list of a filed 延长县 institution, which the check no longer flags. */
  static final ListedPerson EXPIRED_BAN = new ListedPerson("周海燕", idNumber("610621", LocalDate.of(1983, 11, 5), 64),
      "2025年3月未取得健康合格证明上岗，列入不良记录一年（已期满）", false, LocalDate.of(2026, 3, 31));

  /** One demo institution and the state its case is driven to. */
  public record DemoCase(int seq, Kind kind, String county, String name, String address, String legalRepresentative,
      int capacityInfant, int capacityToddlerSmall, int capacityToddlerLarge, int monthlyFee, boolean inclusive,
      Department supervisory, DemoState state, int workingDaysAgo, int staffSize, Defect defect,
      ListedPerson listed) {

    public String creditCode() {
      String first17 = kind.registrationCodes + county + kind.identifierPrefix
          + String.format(Locale.ROOT, "%0" + (9 - kind.identifierPrefix.length()) + "d", seq);
      return first17 + CreditCode.checkCharacter(first17);
    }

    String authority() {
      return kind.authority.groupId();
    }

    String countyPrefix() {
      return switch (county) {
        case BAOTA -> "baota";
        case ANSAI -> "ansai";
        case YANCHANG -> "yanchang";
        default -> throw new IllegalStateException(county);
      };
    }

    String countyName() {
      return switch (county) {
        case BAOTA -> "宝塔区";
        case ANSAI -> "安塞区";
        case YANCHANG -> "延长县";
        default -> throw new IllegalStateException(county);
      };
    }
  }

  static final String BAOTA = "610602";
  static final String ANSAI = "610603";
  static final String YANCHANG = "610621";

  private static final List<DemoCase> CASES = List.of(
      // 宝塔区
      c(1, Kind.COMPANY, BAOTA, "宝塔区小太阳托育园", "延安市宝塔区枣园街道枣园路 126 号", "冯志强",
          10, 20, 30, 2800, false, null, DemoState.FILED, 9, 14, null, null),
      c(2, Kind.COMPANY, BAOTA, "宝塔区七彩虹婴幼儿托育中心", "延安市宝塔区百米大道 58 号七彩虹大厦一层", "李娜",
          6, 15, 25, 1600, true, null, DemoState.FILED, 8, 11, null, null),
      c(3, Kind.PUBLIC, BAOTA, "宝塔区南关街道社区托育服务中心", "延安市宝塔区南关街道南关街 12 号", "高文斌",
          0, 20, 20, 900, true, Department.HEALTH, DemoState.UNDER_REVIEW, 7, 10, null, null),
      c(4, Kind.COMPANY, BAOTA, "宝塔区贝乐嘉托育中心", "延安市宝塔区二道街 88 号金苑小区商业楼一至二层", "张晓燕",
          8, 16, 24, 3200, false, null, DemoState.UNDER_REVIEW, 6, 12, null, LIFETIME_BAN),
      c(5, Kind.PRIVATE_NON_PROFIT, BAOTA, "宝塔区爱弥儿托育园", "延安市宝塔区凤凰山街道杨家岭路 21 号", "刘红梅",
          5, 15, 20, 1500, true, Department.EDUCATION, DemoState.UNDER_REVIEW, 9, 9, Defect.FIRE_SELF_CHECK, null),
      c(6, Kind.COMPANY, BAOTA, "宝塔区金色摇篮婴幼儿照护中心", "延安市宝塔区七里铺街道七里铺小区 6 号楼底商", "马建军",
          10, 20, 20, 2600, false, null, DemoState.RETURNED, 8, 13, Defect.LOW_CERTIFICATION, null),
      c(7, Kind.COMPANY, BAOTA, "宝塔区星辰托育园", "延安市宝塔区东关街道东关大街 166 号中兴商厦四层", "贺丽",
          0, 15, 20, 2400, false, null, DemoState.REJECTED, 7, 8, Defect.FOURTH_FLOOR, null),
      c(8, Kind.COMPANY, BAOTA, "宝塔区宝宝乐托育园", "延安市宝塔区宝塔山街道北关街 35 号", "白雪",
          6, 12, 18, 2200, false, null, DemoState.FILING_OVERDUE, 16, 0, null, null),
      c(9, Kind.PRIVATE_NON_PROFIT, BAOTA, "宝塔区育苗婴幼儿托育中心", "延安市宝塔区桥沟街道桥沟新村 2 号楼一层", "杨帆",
          6, 18, 24, 1380, true, Department.EDUCATION, DemoState.AWAITING_ACKNOWLEDGEMENT, 5, 0, null, null),
      c(10, Kind.COMPANY, BAOTA, "宝塔区童乐汇托育园", "延安市宝塔区新区北区兰家坪路 9 号", "曹丽萍",
          8, 16, 16, 2900, false, null, DemoState.AWAITING_ACKNOWLEDGEMENT, 3, 0, null, null),
      c(11, Kind.COMPANY, BAOTA, "宝塔区小橄榄树托育园", "延安市宝塔区枣园街道枣园新村 A 区 3 号", "郝建平",
          4, 12, 20, 2500, true, null, DemoState.REGISTERED, 1, 0, null, null),
      c(12, Kind.PUBLIC, BAOTA, "宝塔区桥沟街道普惠托育中心", "延安市宝塔区桥沟街道桥儿沟社区服务中心一层", "惠玲",
          0, 20, 30, 800, true, Department.HEALTH, DemoState.REGISTERED, 2, 0, null, null),
      c(13, Kind.COMPANY, BAOTA, "宝塔区米粒托育园", "延安市宝塔区新区北区创业路 17 号", "薛涛",
          6, 10, 14, 2300, false, null, DemoState.PUSH_OVERDUE, 9, 0, null, null),
      // 安塞区
      c(14, Kind.COMPANY, ANSAI, "安塞区童心托育中心", "延安市安塞区真武洞街道迎宾大道 36 号", "艾丽娟",
          6, 18, 24, 1500, true, null, DemoState.FILED, 9, 12, null, null),
      c(15, Kind.PUBLIC, ANSAI, "安塞区金明街道社区托育服务站", "延安市安塞区金明街道文化路 8 号", "拓海峰",
          0, 15, 15, 700, true, Department.HEALTH, DemoState.FILED, 7, 7, null, null),
      c(16, Kind.COMPANY, ANSAI, "安塞区腰鼓娃托育园", "延安市安塞区真武洞街道腰鼓大道 102 号", "黄静",
          5, 15, 20, 2000, false, null, DemoState.FILED, 6, 10, null, null),
      c(17, Kind.COMPANY, ANSAI, "安塞区快乐宝贝托育园", "延安市安塞区真武洞街道兴安路 55 号", "吴敏",
          4, 12, 18, 1900, false, null, DemoState.UNDER_REVIEW, 8, 9, null, FIVE_YEAR_BAN),
      c(18, Kind.PRIVATE_NON_PROFIT, ANSAI, "安塞区暖阳婴幼儿照护中心", "延安市安塞区金明街道长庆路 19 号", "王永红",
          6, 12, 12, 1200, true, Department.EDUCATION, DemoState.RETURNED, 9, 8,
          Defect.HEALTH_EVALUATION_EXPIRED, null),
      c(19, Kind.COMPANY, ANSAI, "安塞区小画家托育园", "延安市安塞区真武洞街道延河东路 77 号", "杜春燕",
          0, 12, 18, 1800, false, null, DemoState.FILING_OVERDUE, 12, 0, null, null),
      c(20, Kind.PRIVATE_NON_PROFIT, ANSAI, "安塞区延河湾托育中心", "延安市安塞区金明街道延河湾小区 4 号楼一层", "郭亚宁",
          5, 15, 20, 1300, true, Department.EDUCATION, DemoState.AWAITING_ACKNOWLEDGEMENT, 6, 0, null, null),
      c(21, Kind.PUBLIC, ANSAI, "安塞区妇幼保健院附属托育园", "延安市安塞区真武洞街道人民路 1 号（区妇幼保健院院内）", "姬晓军",
          10, 15, 15, 1000, true, Department.HEALTH, DemoState.REGISTERED, 3, 0, null, null),
      c(22, Kind.COMPANY, ANSAI, "安塞区哆来咪托育园", "延安市安塞区金明街道东环路 23 号", "孙娟",
          4, 10, 16, 1700, false, null, DemoState.PUSH_OVERDUE, 8, 0, null, null),
      // 延长县
      c(23, Kind.PUBLIC, YANCHANG, "延长县七里村街道普惠托育中心", "延安市延长县七里村街道七里村社区服务中心一层", "冯建国",
          0, 20, 20, 750, true, Department.HEALTH, DemoState.FILED, 8, 9, null, null),
      c(24, Kind.COMPANY, YANCHANG, "延长县油城宝贝托育园", "延安市延长县七里村街道石油路 48 号", "刘雅琴",
          6, 12, 18, 1600, true, null, DemoState.FILED, 7, 10, null, EXPIRED_BAN),
      c(25, Kind.COMPANY, YANCHANG, "延长县蓝天托育园", "延安市延长县七里村街道北大街 16 号", "张海燕",
          4, 10, 16, 1500, false, null, DemoState.UNDER_REVIEW, 5, 8, Defect.LOW_CERTIFICATION, null),
      c(26, Kind.COMPANY, YANCHANG, "延长县红苹果托育中心", "延安市延长县七里村街道人民路 63 号", "田晓东",
          6, 12, 12, 1800, false, null, DemoState.RETURNED, 7, 9, Defect.SPONSORSHIP_FEE, null),
      c(27, Kind.COMPANY, YANCHANG, "延长县阳光雨露托育园", "延安市延长县七里村街道南河沟路 5 号", "任小军",
          0, 10, 15, 1400, false, null, DemoState.REJECTED, 9, 7, Defect.BASEMENT, null),
      c(28, Kind.PRIVATE_NON_PROFIT, YANCHANG, "延长县小树苗托育中心", "延安市延长县七里村街道东门新村 12 号", "高红霞",
          5, 10, 15, 1100, true, Department.EDUCATION, DemoState.FILING_OVERDUE, 25, 0, null, null),
      c(29, Kind.COMPANY, YANCHANG, "延长县童趣托育园", "延安市延长县七里村街道西街 30 号", "强卫东",
          4, 8, 12, 1500, false, null, DemoState.AWAITING_ACKNOWLEDGEMENT, 4, 0, null, null),
      c(30, Kind.PRIVATE_NON_PROFIT, YANCHANG, "延长县育英婴幼儿托育中心", "延安市延长县七里村街道育英路 8 号", "李秀兰",
          6, 12, 18, 1000, true, Department.EDUCATION, DemoState.REGISTERED, 2, 0, null, null),
      c(31, Kind.COMPANY, YANCHANG, "延长县贝贝佳托育园", "延安市延长县七里村街道新城路 20 号", "曹永刚",
          4, 10, 14, 1600, false, null, DemoState.PUSH_OVERDUE, 9, 0, null, null));

  private static final List<ListedPerson> BLACKLIST = List.of(LIFETIME_BAN, FIVE_YEAR_BAN, EXPIRED_BAN);
  private static final Set<String> BLACKLIST_IDS = BLACKLIST.stream().map(ListedPerson::idNumber)
      .collect(Collectors.toUnmodifiableSet());


  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final FilingService filings;
  private final InstitutionRepository institutions;
  private final BlacklistRepository blacklist;
  private final WorkingDayCalendar workdays;
  private final TransactionTemplate transaction;

  public RegistrationDemoData(RuntimeService runtime, TaskService tasks, ManagementService management,
      RepositoryService repository, IdentityService identity, FilingService filings,
      InstitutionRepository institutions, BlacklistRepository blacklist, WorkingDayCalendar workdays,
      PlatformTransactionManager transactionManager) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.identity = identity;
    this.filings = filings;
    this.institutions = institutions;
    this.blacklist = blacklist;
    this.workdays = workdays;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** The demo institutions, in seeding order. */
  public static List<DemoCase> cases() {
    return CASES;
  }

  /** Credit codes of the demo institutions: how tests and the seeder itself tell them from others. */
  public static List<String> creditCodes() {
    return CASES.stream().map(DemoCase::creditCode).toList();
  }

  @Override
  public void seed() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(RegistrationFilingProcess.KEY).count() == 0) {
      LOG.info("演示登记备案案件：流程 {} 未部署，跳过", RegistrationFilingProcess.KEY);
      return;
    }
    long present = CASES.stream().filter(c -> institutions.exists(c.creditCode())).count();
    if (present > 0) {
      LOG.info("演示登记备案案件：登记库中已有 {} 家演示机构，不再生成", present);
      return;
    }
    LocalDate today = LocalDate.now(RegistrationService.ZONE);
    Map<DemoCase, LocalDate> approvals;
    try {
      approvals = approvalDates(today);
    } catch (UnknownCalendarYearException e) {
      LOG.warn("演示登记备案案件：工作日历缺少 {} 年的数据，无法计算演示案件的期限，跳过（见 docs/working-day-calendar.md）",
          e.getYear());
      return;
    }
    long started = System.nanoTime();
    CurrentUser.asSystem(identity, () -> transaction.execute(status -> {
      BLACKLIST.forEach(p -> blacklist.add(p.idNumber(), p.name(), p.reason(), p.lifetimeBan(), p.expiresOn()));
      CASES.forEach(c -> drive(c, approvals.get(c)));
      return null;
    }));
    Map<DemoState, Long> byState = new EnumMap<>(DemoState.class);
    CASES.forEach(c -> byState.merge(c.state(), 1L, Long::sum));
    LOG.info("演示登记备案案件：{} 家机构（宝塔区 {}，安塞区 {}，延长县 {}）— {}；黑名单 {} 条；用时 {} ms（逾期计时器由作业执行器触发）",
        CASES.size(), count(BAOTA), count(ANSAI), count(YANCHANG),
        byState.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining("，")),
        BLACKLIST.size(), (System.nanoTime() - started) / 1_000_000);
  }

  /** Approval dates counted back in working days, checked to stay inside the calendar's years. */
  private Map<DemoCase, LocalDate> approvalDates(LocalDate today) {
    // A 退回补正 restarts the 10 working days from today: the calendar must reach that far.
    workdays.lastDay(today, RegistrationFilingProcess.FILING_WORKING_DAYS);
    Map<DemoCase, LocalDate> dates = new LinkedHashMap<>();
    for (DemoCase c : CASES) {
      LocalDate approved = workingDaysBefore(today, c.workingDaysAgo());
      workdays.lastDay(approved, RegistrationFilingProcess.FILING_WORKING_DAYS);
      dates.put(c, approved);
    }
    return dates;
  }

  /** The latest working day with exactly {@code n} working days after it up to and including today. */
  private LocalDate workingDaysBefore(LocalDate today, int n) {
    LocalDate day = today;
    int counted = 0;
    while (counted < n) {
      if (workdays.isWorkingDay(day)) {
        counted++;
      }
      day = day.minusDays(1);
    }
    while (!workdays.isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  private void drive(DemoCase c, LocalDate approvedAt) {
    Map<String, Object> variables = new HashMap<>(registration(c, approvedAt).toVariables());
    // No user is logged in: the engine takes the registration authority from the variables.
    variables.put(Variables.REGISTRATION_AUTHORITY, c.authority());
    String instanceId = runtime.createProcessInstanceByKey(RegistrationFilingProcess.KEY)
        .businessKey(c.creditCode())
        .setVariables(variables)
        .execute()
        .getId();
    if (c.state() == DemoState.REGISTERED || c.state() == DemoState.PUSH_OVERDUE) {
      return;
    }
    complete(task(instanceId, Elements.PUSH_REGISTRATION), c.countyPrefix() + "-" + c.authority() + "-clerk", Map.of());
    if (c.state() == DemoState.AWAITING_ACKNOWLEDGEMENT) {
      return;
    }
    for (Task acknowledgement : tasks.createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(Elements.ACKNOWLEDGE_REGISTRATION).list()) {
      // The multi-instance element variable lives on the task's execution, not on the task.
      String department = (String) tasks.getVariable(acknowledgement.getId(), Variables.ACKNOWLEDGING_DEPARTMENT);
      complete(acknowledgement, c.countyPrefix() + "-" + department + "-clerk", Map.of());
    }
    if (c.state() == DemoState.FILING_OVERDUE) {
      return;
    }
    String reviewer = c.countyPrefix() + "-health-clerk";
    if (c.defect() != null) {
      file(instanceId, c, true);
      ReviewDecision first = switch (c.defect()) {
        case FOURTH_FLOOR, BASEMENT -> ReviewDecision.REJECT;
        default -> ReviewDecision.RETURN;
      };
      if (c.state() == DemoState.UNDER_REVIEW && c.defect() == Defect.LOW_CERTIFICATION) {
        // Left for the reviewer to decide: the check summary shows the shortfall.
        return;
      }
      complete(task(instanceId, Elements.REVIEW_FILING), reviewer, review(first, c.defect().comment));
      if (c.state() != DemoState.UNDER_REVIEW) {
        return;
      }
    }
    file(instanceId, c, false);
    if (c.state() == DemoState.UNDER_REVIEW) {
      if (c.listed() == null && c.defect() == null) {
        // One review is already in the clerk's 我的待办; the others wait in 本部门待办.
        tasks.setAssignee(task(instanceId, Elements.REVIEW_FILING).getId(), reviewer);
      }
      return;
    }
    complete(task(instanceId, Elements.REVIEW_FILING), reviewer, review(ReviewDecision.APPROVE, null));
  }

  /** Submits the filing as the portal would and runs the automatic checks at once. */
  private void file(String instanceId, DemoCase c, boolean withDefect) {
    filings.submit(filing(c, withDefect));
    Job checks = management.createJobQuery().processInstanceId(instanceId)
        .activityId(Elements.RUN_FILING_CHECKS).singleResult();
    management.executeJob(checks.getId());
  }

  private Task task(String instanceId, String activityId) {
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(activityId).singleResult();
    if (task == null) {
      throw new IllegalStateException("演示案件 " + instanceId + " 没有任务 " + activityId);
    }
    return task;
  }

  /** Completes a task as the clerk it is assigned to, so the history names who did it. */
  private void complete(Task task, String assignee, Map<String, Object> variables) {
    tasks.setAssignee(task.getId(), assignee);
    tasks.complete(task.getId(), variables);
  }

  private static Map<String, Object> review(ReviewDecision decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.REVIEW_DECISION, decision.name());
    variables.put(Variables.REVIEW_COMMENT, comment);
    return variables;
  }

  private static long count(String county) {
    return CASES.stream().filter(c -> c.county().equals(county)).count();
  }

  static RegistrationRequest registration(DemoCase c, LocalDate approvedAt) {
    return new RegistrationRequest(c.creditCode(), c.name(), c.kind().nature, c.inclusive(), c.county(), c.address(),
        c.legalRepresentative(), c.capacityInfant(), c.capacityToddlerSmall(), c.capacityToddlerLarge(),
        BigDecimal.valueOf(c.monthlyFee()), c.supervisory() == null ? null : c.supervisory().groupId(), approvedAt);
  }

  /** The filing materials; {@code withDefect} gives the first submission of a case that was returned or rejected. */
  static FilingRequest filing(DemoCase c, boolean withDefect) {
    Random random = new Random(1000L + c.seq());
    Defect defect = withDefect ? c.defect() : null;
    int area = 8 * c.capacityInfant() + 5 * (c.capacityToddlerSmall() + c.capacityToddlerLarge()) + 120
        + random.nextInt(8) * 10;
    String premises;
    if (defect == Defect.FOURTH_FLOOR) {
      premises = "租赁房产，位于商业综合体四层，建筑面积 " + area + " 平方米，租期 2026年3月1日至2031年2月28日";
    } else if (defect == Defect.BASEMENT) {
      premises = "租赁房产，位于住宅楼地下一层，建筑面积 " + area + " 平方米，租期 2026年1月1日至2030年12月31日";
    } else if (c.kind() == Kind.PUBLIC) {
      premises = "政府提供的公共服务用房，无偿使用，位于一层，建筑面积 " + area + " 平方米，户外活动场地 " + (area / 3) + " 平方米";
    } else {
      premises = (random.nextBoolean() ? "自有房产，不动产权证书 陕（2025）延安市不动产权第 00" + (31000 + c.seq() * 37) + " 号"
          : "租赁房产，租期 2025年6月1日至2035年5月31日") + "，一至二层，建筑面积 " + area + " 平方米，户外活动场地 "
          + (area / 4) + " 平方米";
    }
    String fireSafety = defect == Defect.FIRE_SELF_CHECK
        ? "消防安全自查报告（机构自行出具，2026年）"
        : c.countyName() + "住房和城乡建设局特殊建设工程消防验收意见书，结论合格，编号 XFYS-" + c.county() + "-2026-"
            + String.format(Locale.ROOT, "%03d", 100 + c.seq() * 3);
    String healthEvaluation = defect == Defect.HEALTH_EVALUATION_EXPIRED
        ? c.countyName() + "妇幼保健院托育机构卫生评价报告（2024年5月出具），结论合格"
        : c.countyName() + "妇幼保健院托育机构卫生评价报告，结论合格，编号 WSPJ-" + c.county() + "-2026-"
            + String.format(Locale.ROOT, "%03d", 40 + c.seq() * 2);
    int meals = c.monthlyFee() >= 2000 ? 400 : 300;
    String feeSchedule = "保育费 " + c.monthlyFee() + " 元/月" + (c.capacityInfant() > 0 ? "（乳儿班 "
        + (c.monthlyFee() + 200) + " 元/月）" : "") + "，伙食费 " + meals + " 元/月，按月收取"
        + (c.inclusive() ? "；普惠性托位执行县区核定的普惠价格" : "")
        + (defect == Defect.SPONSORSHIP_FEE ? "；新入托一次性赞助费 3000 元" : "");
    List<FilingRequest.Staff> staff = staff(c, random, defect == Defect.LOW_CERTIFICATION ? 3 : 0);
    if (c.listed() != null) {
      staff.add(3, new FilingRequest.Staff(c.listed().name(), c.listed().idNumber(), StaffRole.CAREGIVER,
          List.of(Certificate.CHILDCARE_WORKER)));
    }
    return new FilingRequest(c.creditCode(), c.kind().licence + " " + c.creditCode(), premises, fireSafety,
        healthEvaluation, feeSchedule, staff);
  }

  private static final String SURNAMES = "王李张刘杨高马白郝薛贺冯曹惠拓呼艾黄吴孙田任郭姬强霍路康雷侯崔袁党梁韩宋";
  private static final String[] WOMEN = {"丽", "娟", "芳", "敏", "静", "燕", "霞", "艳", "萍", "婷", "慧", "雪", "琳",
      "晓燕", "晓梅", "文静", "佳怡", "蓉", "倩", "瑶", "小红", "春梅", "秀英", "亚妮", "丹", "媛", "欢", "莉", "玉洁",
      "思雨", "雅楠", "梦瑶", "金凤", "海霞", "彩霞", "红艳", "丽君", "美玲", "晓丽", "艳妮"};
  private static final String[] MEN = {"军", "强", "伟", "斌", "涛", "勇", "建军", "志刚", "海军", "永平", "建平", "卫东",
      "小龙", "宏伟", "鹏", "超", "亮", "振华", "国庆", "延平"};
  /** Birthplaces (地址码) of staff: the county itself most often, otherwise elsewhere in 延安 or 陕西. */
  private static final String[] BIRTHPLACES = {"610602", "610603", "610621", "610622", "610625", "610626", "610627",
      "610628", "610629", "610630", "610632", "610681", "610102", "610802", "610502"};

  /**
   * 6–15 people: a principal, a health-care worker, caregivers, and from eight people a cook and
   * from ten a security guard. The guard holds no childcare certificate; {@code uncertified} is
   * how many hold none at all (at least the guard): the guard, then the cook, then the newest
   * caregivers.
   */
  private static List<FilingRequest.Staff> staff(DemoCase c, Random random, int uncertified) {
    int size = c.staffSize() - (c.listed() == null ? 0 : 1);
    uncertified = Math.max(uncertified, size >= 10 ? 1 : 0);
    List<StaffRole> roles = new ArrayList<>();
    roles.add(StaffRole.PRINCIPAL);
    roles.add(StaffRole.HEALTH_CARE);
    while (roles.size() < size - (size >= 8 ? 1 : 0) - (size >= 10 ? 1 : 0)) {
      roles.add(StaffRole.CAREGIVER);
    }
    if (size >= 8) {
      roles.add(StaffRole.COOK);
    }
    if (size >= 10) {
      roles.add(StaffRole.SECURITY);
    }
    Set<String> names = new HashSet<>();
    Set<String> ids = new HashSet<>();
    List<FilingRequest.Staff> staff = new ArrayList<>();
    int withoutCertificate = uncertified;
    for (int i = roles.size() - 1; i >= 0; i--) {
      StaffRole role = roles.get(i);
      boolean man = role == StaffRole.SECURITY || (role == StaffRole.COOK && random.nextBoolean());
      String name;
      do {
        name = SURNAMES.charAt(random.nextInt(SURNAMES.length()))
            + (man ? MEN[random.nextInt(MEN.length)] : WOMEN[random.nextInt(WOMEN.length)]);
      } while (!names.add(name));
      int[] born = switch (role) {
        case PRINCIPAL -> new int[] {1975, 1990};
        case SECURITY -> new int[] {1964, 1980};
        case COOK -> new int[] {1968, 1985};
        default -> new int[] {1986, 2003};
      };
      LocalDate birthday = LocalDate.of(born[0] + random.nextInt(born[1] - born[0] + 1), 1 + random.nextInt(12),
          1 + random.nextInt(28));
      String place = random.nextInt(10) < 6 ? c.county() : BIRTHPLACES[random.nextInt(BIRTHPLACES.length)];
      String id;
      do {
        // The third digit of the sequence code is odd for men and even for women (GB 11643).
        int serial = random.nextInt(100) * 10 + 2 * random.nextInt(5) + (man ? 1 : 0);
        id = idNumber(place, birthday, serial);
      } while (!ids.add(id) || BLACKLIST_IDS.contains(id));
      List<Certificate> certificates;
      if (withoutCertificate > 0 && role != StaffRole.PRINCIPAL && role != StaffRole.HEALTH_CARE) {
        certificates = List.of();
        withoutCertificate--;
      } else {
        certificates = switch (role) {
          case PRINCIPAL -> List.of(Certificate.TEACHER, Certificate.CHILDCARE_WORKER);
          case HEALTH_CARE -> List.of(Certificate.HEALTH_CARE);
          case CAREGIVER -> switch (random.nextInt(4)) {
            case 0 -> List.of(Certificate.INFANT_CARER);
            case 1 -> List.of(Certificate.CHILDCARE_WORKER, Certificate.INFANT_CARER);
            case 2 -> List.of(Certificate.TEACHER, Certificate.CHILDCARE_WORKER);
            default -> List.of(Certificate.CHILDCARE_WORKER);
          };
          // Cooks double as caregivers at mealtimes and hold the 保育员证.
          default -> List.of(Certificate.CHILDCARE_WORKER);
        };
      }
      staff.add(0, new FilingRequest.Staff(name, id, role, certificates));
    }
    return staff;
  }

  static String idNumber(String place, LocalDate born, int serial) {
    String first17 = place + String.format(Locale.ROOT, "%04d%02d%02d%03d", born.getYear(), born.getMonthValue(),
        born.getDayOfMonth(), serial);
    return first17 + IdNumber.checkCharacter(first17);
  }

  private static DemoCase c(int seq, Kind kind, String county, String name, String address, String legal, int infant,
      int small, int large, int fee, boolean inclusive, Department supervisory, DemoState state, int workingDaysAgo,
      int staffSize, Defect defect, ListedPerson listed) {
    return new DemoCase(seq, kind, county, name, address, legal, infant, small, large, fee, inclusive, supervisory,
        state, workingDaysAgo, staffSize, defect, listed);
  }
}
