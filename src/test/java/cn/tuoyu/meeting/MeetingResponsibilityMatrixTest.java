package cn.tuoyu.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.identity.Department;
import cn.tuoyu.meeting.MeetingRepository.PlanTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * 责任分工表 of V8: the Yan'an plan's 23 tasks (二、主要任务 and 三、政策保障) with their 责任部门 as written, and
 * the department groups each written name maps to ("市教育局" → education; "团市委" → youth-league).
 */
class MeetingResponsibilityMatrixTest {

  static List<PlanTask> tasks;

  @BeforeAll
  static void migrate() {
    var dataSource = new DriverManagerDataSource("jdbc:h2:mem:meeting-matrix;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    tasks = new MeetingRepository(JdbcClient.create(dataSource)).planTasks();
  }

  @Test
  void theTasksOfThePlanInItsOrder() {
    assertThat(tasks).extracting(PlanTask::code).containsExactly(
        "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.2.1", "2.2.2", "2.2.3", "2.3.1", "2.3.2", "2.3.3",
        "2.4.1", "2.4.2", "2.4.3", "2.4.4", "2.4.5", "2.4.6", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6");
    assertThat(tasks.get(0).part()).isEqualTo("二、主要任务");
    assertThat(tasks.get(0).subsection()).isEqualTo("(一)增加婴幼儿照护服务的有效供给");
    assertThat(tasks.get(17).part()).isEqualTo("三、政策保障");
    assertThat(tasks.get(17).subsection()).isNull();
  }

  @Test
  void textsAreAsWritten() {
    PlanTask registration = task("2.4.1");
    assertThat(registration.title()).isEqualTo("规范注册登记");
    assertThat(registration.content()).contains("应于7个工作日内及时将有关信息推送至同级卫生健康部门和业务主管部门")
        .startsWith("规范注册登记。").doesNotContain("责任部门");
    assertThat(registration.departmentsAsWritten()).isEqualTo("市行政审批局、市民政局、市教育局、市卫健委");
    assertThat(task("2.4.2").departmentsAsWritten())
        .isEqualTo("市卫健委、市教育局、市民政局、市行政审批局、市市场监管局、市工信局、市公安局");
    assertThat(task("2.2.2").departmentsAsWritten()).isEqualTo("市妇联、市总工会、团市委、市计生协会");
  }

  /** Every written name is a department group (in the plan's order) or, as written, another body. */
  @Test
  void everyWrittenDepartmentMapsOntoItsGroupInTheWrittenOrder() {
    for (PlanTask t : tasks) {
      List<String> groups = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (String written : t.departmentsAsWritten().split("、")) {
        Optional<Department> department = Arrays.stream(Department.values())
            .filter(d -> written.equals("市" + d.displayName()) || written.equals(d.displayName())).findFirst();
        department.ifPresentOrElse(d -> groups.add(d.groupId()), () -> others.add(written));
      }
      assertThat(t.departments()).as(t.code()).containsExactlyElementsOf(groups);
      assertThat(t.otherBodies()).as(t.code()).isEqualTo(others.isEmpty() ? null : String.join("、", others));
    }
  }

  @Test
  void theVocationalCollegeIsNamedButGetsNoTasks() {
    PlanTask training = task("3.3");
    assertThat(training.departments()).containsExactly("human-resources", "education");
    assertThat(training.otherBodies()).isEqualTo("延安职业技术学院");
    assertThat(tasks).filteredOn(t -> t.otherBodies() != null).hasSize(1);
  }

  @Test
  void theHealthCommissionLeadsWhereThePlanNamesItFirst() {
    assertThat(task("2.2.3").departments()).containsExactly("health");
    assertThat(task("2.4.5").departments()).containsExactly("health");
    assertThat(task("2.4.3").departments().get(0)).isEqualTo("health");
    assertThat(tasks).filteredOn(t -> t.departments().contains("health")).hasSize(10);
  }

  private static PlanTask task(String code) {
    return tasks.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
  }
}
