package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tuoyu.support.DecisionTables;
import cn.tuoyu.support.DecisionTables.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 年检结论判定 (processes/inspection/InspectionVerdictDecision.dmn) on the standalone DMN engine:
 * every rule, the boundaries 59/60 and 79/80 in each of the five areas, 0 and 1 critical
 * findings, and missing or invalid inputs, which must fail instead of passing.
 */
class InspectionVerdictDecisionTest {

  static final Path MODEL = Path.of("processes", "inspection", "InspectionVerdictDecision.dmn");
  static final List<String> SCORES =
      List.of("safetyScore", "healthCareScore", "staffingScore", "facilitiesScore", "feeDisclosureScore");

  static final DecisionTables decision = DecisionTables.load(MODEL);

  @ParameterizedTest(name = "[{index}] 安全{0} 卫保{1} 人员{2} 设施{3} 收费{4} 隐患{5} → {6} ({7})")
  @CsvSource(delimiter = '|', textBlock = """
      # safety | healthCare | staffing | facilities | fee | critical | verdict    | rule
        100    | 100        | 100      | 100        | 100 | 0        | PASS       | Rule_AllScoresAtLeast80
        80     | 80         | 80       | 80         | 80  | 0        | PASS       | Rule_AllScoresAtLeast80
        80     | 95         | 88       | 91         | 85  | 0        | PASS       | Rule_AllScoresAtLeast80
      # 79 in each area, the rest high: the lowest score decides
        79     | 100        | 100      | 100        | 100 | 0        | BASIC_PASS | Rule_ScoreBelow80
        100    | 79         | 100      | 100        | 100 | 0        | BASIC_PASS | Rule_ScoreBelow80
        100    | 100        | 79       | 100        | 100 | 0        | BASIC_PASS | Rule_ScoreBelow80
        100    | 100        | 100      | 79         | 100 | 0        | BASIC_PASS | Rule_ScoreBelow80
        100    | 100        | 100      | 100        | 79  | 0        | BASIC_PASS | Rule_ScoreBelow80
        79.9   | 100        | 100      | 100        | 100 | 0        | BASIC_PASS | Rule_ScoreBelow80
        60     | 60         | 60       | 60         | 60  | 0        | BASIC_PASS | Rule_ScoreBelow80
        60     | 100        | 79       | 80         | 100 | 0        | BASIC_PASS | Rule_ScoreBelow80
      # 59 in each area
        59     | 100        | 100      | 100        | 100 | 0        | FAIL       | Rule_ScoreBelow60
        100    | 59         | 100      | 100        | 100 | 0        | FAIL       | Rule_ScoreBelow60
        100    | 100        | 59       | 100        | 100 | 0        | FAIL       | Rule_ScoreBelow60
        100    | 100        | 100      | 59         | 100 | 0        | FAIL       | Rule_ScoreBelow60
        100    | 100        | 100      | 100        | 59  | 0        | FAIL       | Rule_ScoreBelow60
        100    | 100        | 100      | 100        | 59.9| 0        | FAIL       | Rule_ScoreBelow60
        0      | 0          | 0        | 0          | 0   | 0        | FAIL       | Rule_ScoreBelow60
        100    | 100        | 0        | 100        | 100 | 0        | FAIL       | Rule_ScoreBelow60
      # any critical finding fails, whatever the scores
        100    | 100        | 100      | 100        | 100 | 1        | FAIL       | Rule_CriticalFinding
        80     | 80         | 80       | 80         | 80  | 1        | FAIL       | Rule_CriticalFinding
        79     | 100        | 100      | 100        | 100 | 1        | FAIL       | Rule_CriticalFinding
        59     | 100        | 100      | 100        | 100 | 1        | FAIL       | Rule_CriticalFinding
        100    | 100        | 100      | 100        | 100 | 3        | FAIL       | Rule_CriticalFinding
      """)
  void verdictTable(String safety, String healthCare, String staffing, String facilities, String fee,
      int criticalFindings, String verdict, String rule) {
    Map<String, Object> checklist = checklist(number(safety), number(healthCare), number(staffing),
        number(facilities), number(fee), criticalFindings);

    Evaluation evaluation = decision.evaluate(checklist);

    assertThat(evaluation.matchedRuleIds()).containsExactly(rule);
    assertThat(evaluation.single()).containsEntry("verdict", verdict);
    assertThat((String) evaluation.single().get("verdictReason"))
        .as("a Chinese sentence for the institution")
        .matches("\\p{IsHan}.*。")
        .contains(switch (verdict) {
          case "PASS" -> "年检合格";
          case "BASIC_PASS" -> "年检基本合格";
          default -> "年检不合格";
        });
  }

  /** The table above reaches every rule of the model, so a new rule cannot go untested. */
  @Test
  void theTableCoversEveryRule() throws NoSuchMethodException {
    CsvSource table = getClass()
        .getDeclaredMethod("verdictTable", String.class, String.class, String.class, String.class,
            String.class, int.class, String.class, String.class)
        .getAnnotation(CsvSource.class);
    Set<String> tested = new TreeSet<>();
    table.textBlock().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .forEach(l -> tested.add(l.substring(l.lastIndexOf('|') + 1).strip()));

    assertThat(tested).containsExactlyInAnyOrderElementsOf(decision.ruleIds());
    assertThat(decision.ruleIds()).containsExactly(
        "Rule_CriticalFinding", "Rule_ScoreBelow60", "Rule_ScoreBelow80", "Rule_AllScoresAtLeast80");
  }

  /**
   * A sweep over valid checklists — one area (in turn) at every score from 0 to 100 and at the
   * half points below the limits, the others at 100, with and without a critical finding: each
   * matches exactly one rule (UNIQUE would throw on an overlap; an empty result would be a gap)
   * and gets the verdict the rules of the plan give.
   */
  @Test
  void everyValidChecklistMatchesExactlyOneRule() {
    List<Double> sweep = new ArrayList<>();
    IntStream.rangeClosed(0, 100).forEach(score -> sweep.add((double) score));
    sweep.addAll(List.of(59.5, 79.5));
    for (int critical = 0; critical <= 1; critical++) {
      for (int i = 0; i < sweep.size(); i++) {
        double score = sweep.get(i);
        double[] scores = {100, 100, 100, 100, 100};
        scores[i % scores.length] = score;
        Map<String, Object> checklist =
            checklist(scores[0], scores[1], scores[2], scores[3], scores[4], critical);

        Evaluation evaluation = decision.evaluate(checklist);

        assertThat(evaluation.matchedRuleIds()).as("%s", checklist).hasSize(1);
        assertThat(evaluation.single().get("verdict")).as("%s", checklist)
            .isEqualTo(expectedVerdict(score, critical));
      }
    }
  }

  /** The plan's rule in plain Java: the oracle for the sweep above. */
  private static String expectedVerdict(double lowestScore, int criticalFindings) {
    if (criticalFindings > 0 || lowestScore < 60) {
      return "FAIL";
    }
    return lowestScore < 80 ? "BASIC_PASS" : "PASS";
  }

  /**
   * A checklist that would otherwise pass, with one input missing, empty or out of range: the
   * evaluation fails and names the variable, it never defaults to PASS.
   */
  @ParameterizedTest(name = "[{index}] {0} = {1} → error mentioning \"{2}\"")
  @CsvSource(delimiter = '|', textBlock = """
      safetyScore        | <missing> | safetyScore 缺失或不在 0–100 之间
      healthCareScore    | <missing> | healthCareScore 缺失或不在 0–100 之间
      staffingScore      | <missing> | staffingScore 缺失或不在 0–100 之间
      facilitiesScore    | <missing> | facilitiesScore 缺失或不在 0–100 之间
      feeDisclosureScore | <missing> | feeDisclosureScore 缺失或不在 0–100 之间
      criticalFindings   | <missing> | criticalFindings 缺失或为负数
      safetyScore        | <null>    | safetyScore 缺失或不在 0–100 之间
      criticalFindings   | <null>    | criticalFindings 缺失或为负数
      healthCareScore    | 100.5     | healthCareScore 缺失或不在 0–100 之间
      staffingScore      | 101       | staffingScore 缺失或不在 0–100 之间
      facilitiesScore    | -1        | facilitiesScore 缺失或不在 0–100 之间
      feeDisclosureScore | 八十      | feeDisclosureScore 缺失或不在 0–100 之间
      criticalFindings   | -1        | criticalFindings 缺失或为负数
      criticalFindings   | 无        | criticalFindings 缺失或为负数
      criticalFindings   | 1.5       | Invalid value '1.5' for clause with type 'integer'
      """)
  void missingOrInvalidInputIsAnError(String variable, String value, String message) {
    Map<String, Object> checklist = checklist(100, 100, 100, 100, 100, 0);
    switch (value) {
      case "<missing>" -> checklist.remove(variable);
      case "<null>" -> checklist.put(variable, null);
      default -> checklist.put(variable, value.matches("-?[0-9.]+") ? number(value) : value);
    }

    assertThatThrownBy(() -> decision.evaluate(checklist)).hasMessageContaining(message);
  }

  /** Inputs are checked before any rule applies: a critical finding does not hide a missing score. */
  @ParameterizedTest
  @ValueSource(strings = {"safetyScore", "healthCareScore", "staffingScore", "facilitiesScore", "feeDisclosureScore"})
  void missingScoreIsAnErrorEvenWithCriticalFindings(String score) {
    Map<String, Object> checklist = checklist(100, 100, 100, 100, 100, 1);
    checklist.remove(score);

    assertThatThrownBy(() -> decision.evaluate(checklist)).hasMessageContaining(score + " 缺失");
  }

  /** Camunda Forms submit whole numbers as Long; a Long checklist is judged like any other. */
  @Test
  void acceptsLongValuesAsSubmittedByForms() {
    Map<String, Object> checklist = new HashMap<>();
    SCORES.forEach(score -> checklist.put(score, 85L));
    checklist.put("safetyScore", 60L);
    checklist.put("criticalFindings", 0L);

    assertThat(decision.evaluate(checklist).single()).containsEntry("verdict", "BASIC_PASS");
  }

  @Test
  void hitPolicyIsUnique() {
    assertThat(decision.hitPolicy()).isEqualTo(HitPolicy.UNIQUE);
  }

  @Test
  void followsTheHouseStyle() {
    decision.assertHouseStyle();
  }

  static Map<String, Object> checklist(Number safety, Number healthCare, Number staffing, Number facilities,
      Number fee, int criticalFindings) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("safetyScore", safety);
    variables.put("healthCareScore", healthCare);
    variables.put("staffingScore", staffing);
    variables.put("facilitiesScore", facilities);
    variables.put("feeDisclosureScore", fee);
    variables.put("criticalFindings", criticalFindings);
    return variables;
  }

  /** Whole numbers as Integer, others as Double, as a form or a delegate would pass them. */
  static Number number(String value) {
    return value.contains(".") ? (Number) Double.valueOf(value) : (Number) Integer.valueOf(value);
  }
}
