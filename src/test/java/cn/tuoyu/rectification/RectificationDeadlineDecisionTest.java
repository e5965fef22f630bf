package cn.tuoyu.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuoyu.support.DecisionTables;
import cn.tuoyu.support.DecisionTables.Evaluation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 整改期限判定 (processes/rectification/RectificationDeadlineDecision.dmn) on the standalone DMN
 * engine: every rule, 0 and 1 critical findings, no rule at all for PASS, and missing or invalid
 * inputs; then both decisions chained as the annual inspection will use them.
 */
class RectificationDeadlineDecisionTest {

  static final Path MODEL = Path.of("processes", "rectification", "RectificationDeadlineDecision.dmn");
  static final Path VERDICT_MODEL = Path.of("processes", "inspection", "InspectionVerdictDecision.dmn");

  static final DecisionTables decision = DecisionTables.load(MODEL);
  static final DecisionTables verdictDecision = DecisionTables.load(VERDICT_MODEL);

  @ParameterizedTest(name = "[{index}] {0}, 隐患 {1} → {2}, {3} 个工作日 ({4})")
  @CsvSource(delimiter = '|', textBlock = """
      # verdict  | critical | severity | days | rule
        FAIL       | 1        | SERIOUS  | 10   | Rule_CriticalFinding
        FAIL       | 4        | SERIOUS  | 10   | Rule_CriticalFinding
        BASIC_PASS | 1        | SERIOUS  | 10   | Rule_CriticalFinding
        FAIL       | 0        | GENERAL  | 20   | Rule_FailWithoutCriticalFinding
        BASIC_PASS | 0        | MINOR    | 30   | Rule_BasicPass
      """)
  void deadlineTable(String verdict, int criticalFindings, String severity, int days, String rule) {
    Evaluation evaluation = decision.evaluate(inputs(verdict, criticalFindings));

    assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
    assertThat(evaluation.single())
        .containsEntry("severity", severity)
        .containsEntry("deadlineWorkingDays", days);
    assertThat(evaluation.single().get("deadlineWorkingDays")).isInstanceOf(Integer.class);
  }

  /** The table above reaches every rule of the model, so a new rule cannot go untested. */
  @Test
  void theTableCoversEveryRule() throws NoSuchMethodException {
    CsvSource table = getClass()
        .getDeclaredMethod("deadlineTable", String.class, int.class, String.class, int.class, String.class)
        .getAnnotation(CsvSource.class);
    Set<String> tested = new TreeSet<>();
    table.textBlock().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .forEach(l -> tested.add(l.substring(l.lastIndexOf('|') + 1).strip()));

    assertThat(tested).containsExactlyInAnyOrderElementsOf(decision.ruleIds());
    assertThat(decision.ruleIds())
        .containsExactly("Rule_CriticalFinding", "Rule_FailWithoutCriticalFinding", "Rule_BasicPass");
  }

  /** A passed inspection needs no rectification: no rule matches PASS, whatever else is given. */
  @ParameterizedTest(name = "[{index}] PASS, 隐患 {0} → 无结果")
  @CsvSource({"0", "1", "7"})
  void noRuleMatchesPass(int criticalFindings) {
    Evaluation evaluation = decision.evaluate(inputs("PASS", criticalFindings));

    assertThat(evaluation.matchedRuleIds()).isEmpty();
    assertThat(evaluation.results()).isEmpty();
  }

  /** Every verdict with 0–20 critical findings: one rule for FAIL and BASIC_PASS, none for PASS. */
  @Test
  void everyValidInputMatchesAtMostOneRule() {
    for (String verdict : List.of("PASS", "BASIC_PASS", "FAIL")) {
      for (int critical = 0; critical <= 20; critical++) {
        Evaluation evaluation = decision.evaluate(inputs(verdict, critical));

        String expectedSeverity = verdict.equals("PASS") ? null
            : critical > 0 ? "SERIOUS"
            : verdict.equals("FAIL") ? "GENERAL" : "MINOR";
        if (expectedSeverity == null) {
          assertThat(evaluation.results()).as("%s %d", verdict, critical).isEmpty();
        } else {
          assertThat(evaluation.single()).as("%s %d", verdict, critical).containsEntry("severity", expectedSeverity);
        }
      }
    }
  }

  /** Missing, empty or unknown inputs fail and name the variable; they never mean "no rectification". */
  @ParameterizedTest(name = "[{index}] {0} = {1} → error mentioning \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      verdict          | <missing> | verdict 缺失或不是 PASS、BASIC_PASS、FAIL 之一
      verdict          | <null>    | verdict 缺失或不是 PASS、BASIC_PASS、FAIL 之一
      verdict          | <empty>   | verdict 缺失或不是 PASS、BASIC_PASS、FAIL 之一
      verdict          | fail      | verdict 缺失或不是 PASS、BASIC_PASS、FAIL 之一
      verdict          | 不合格    | verdict 缺失或不是 PASS、BASIC_PASS、FAIL 之一
      criticalFindings | <missing> | criticalFindings 缺失或为负数
      criticalFindings | <null>    | criticalFindings 缺失或为负数
      criticalFindings | -1        | criticalFindings 缺失或为负数
      criticalFindings | 2.5       | Invalid value '2.5' for clause with type 'integer'
      """)
  void missingOrInvalidInputIsAnError(String variable, String value, String message) {
    Map<String, Object> inputs = inputs("FAIL", 0);
    switch (value) {
      case "<missing>" -> inputs.remove(variable);
      case "<null>" -> inputs.put(variable, null);
      case "<empty>" -> inputs.put(variable, "");
      default -> inputs.put(variable, value.matches("-?[0-9.]+")
          ? (value.contains(".") ? (Object) Double.valueOf(value) : Integer.valueOf(value))
          : value);
    }

    assertThatThrownBy(() -> decision.evaluate(inputs)).hasMessageContaining(message);
  }

  /**
   * Both decisions chained as the annual inspection will use them: the verdict of a checklist,
   * then its rectification deadline unless it passed.
   */
  @ParameterizedTest(name = "[{index}] 最低分 {0}, 隐患 {1} → {2} → {3} {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # lowest score | critical | verdict    | severity | days
        100            | 0        | PASS       |          |
        80             | 0        | PASS       |          |
        79             | 0        | BASIC_PASS | MINOR    | 30
        60             | 0        | BASIC_PASS | MINOR    | 30
        59             | 0        | FAIL       | GENERAL  | 20
        95             | 1        | FAIL       | SERIOUS  | 10
        40             | 2        | FAIL       | SERIOUS  | 10
      """)
  void verdictThenDeadline(int lowestScore, int criticalFindings, String verdict, String severity, Integer days) {
    Map<String, Object> checklist = new HashMap<>(Map.of(
        "safetyScore", 100, "healthCareScore", 100, "staffingScore", 100, "facilitiesScore", 100,
        "feeDisclosureScore", lowestScore, "criticalFindings", criticalFindings));

    Map<String, Object> judged = verdictDecision.evaluate(checklist).single();
    assertThat(judged).containsEntry("verdict", verdict);

    Evaluation deadline = decision.evaluate(inputs((String) judged.get("verdict"), criticalFindings));
    if (severity == null) {
      assertThat(deadline.results()).isEmpty();
    } else {
      assertThat(deadline.single()).containsEntry("severity", severity).containsEntry("deadlineWorkingDays", days);
    }
  }

  @Test
  void hitPolicyIsUnique() {
    assertThat(decision.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
  }

  @Test
  void followsTheHouseStyle() {
    decision.assertHouseStyle();
  }

  static Map<String, Object> inputs(String verdict, int criticalFindings) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("verdict", verdict);
    variables.put("criticalFindings", criticalFindings);
    return variables;
  }
}
