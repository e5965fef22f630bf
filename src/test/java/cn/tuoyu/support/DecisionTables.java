package cn.tuoyu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One DMN decision table from {@code processes/<area>/<Name>Decision.dmn}, evaluated by the
 * standalone DMN engine (FEEL as in the application's engine), with the ids of the rules that
 * matched, and the house-style checks every decision model must pass.
 */
public final class DecisionTables {

  static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";

  /**
   * A meaningful id: CamelCase words joined by underscores, each part starting with a capital
   * letter ({@code Rule_CriticalFinding}, {@code Rule_ScoreBelow60_LowestScore}). The Modeler's
   * generated ids ({@code DecisionRule_0x9abcd}, {@code InputClause_1k2j3l4},
   * {@code Definitions_abcdefg}) end in a lower-case or digit part and do not match.
   */
  public static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z0-9]*(_[A-Z][A-Za-z0-9]*)*");

  /** DMN elements that carry content only and have no id in a Modeler-saved file either. */
  static final Set<String> ELEMENTS_WITHOUT_ID =
      Set.of("text", "description", "requiredInput", "requiredAuthority", "requiredDecision");

  private final Path file;
  private final String decisionKey;
  private final DmnEngine engine;
  private final DmnDecision decision;
  private final List<String> matchedRuleIds = new ArrayList<>();

  private DecisionTables(Path file) {
    this.file = file;
    this.decisionKey = file.getFileName().toString().replaceFirst("\\.dmn$", "");
    DmnDecisionTableEvaluationListener rules = event -> {
      matchedRuleIds.clear();
      event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matchedRuleIds::add);
    };
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    this.engine = configuration.customPostDecisionTableEvaluationListeners(List.of(rules)).buildEngine();
    try (InputStream in = Files.newInputStream(file)) {
      this.decision = engine.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decision whose id is the file name, e.g. {@code processes/inspection/InspectionVerdictDecision.dmn}. */
  public static DecisionTables load(Path file) {
    return new DecisionTables(file);
  }

  /** One evaluation: the result rows and the ids of the rules that produced them. */
  public record Evaluation(List<Map<String, Object>> results, List<String> matchedRuleIds) {
    public Map<String, Object> single() {
      assertThat(results).as("exactly one result").hasSize(1);
      return results.get(0);
    }
  }

  /** Evaluates the decision; a failing input expression or an overlap (UNIQUE) throws. */
  public synchronized Evaluation evaluate(Map<String, Object> variables) {
    matchedRuleIds.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, variables);
    return new Evaluation(List.copyOf(result.getResultList()), List.copyOf(matchedRuleIds));
  }

  public DecisionTable table() {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    Decision element = model.getModelElementById(decisionKey);
    assertThat(element).as("decision %s in %s", decisionKey, file).isNotNull();
    return (DecisionTable) element.getExpression();
  }

  public HitPolicy hitPolicy() {
    return table().getHitPolicy();
  }

  public List<String> ruleIds() {
    return table().getRules().stream().map(Rule::getId).toList();
  }

  /**
   * The house style of decision models: id = file name, Chinese name, historyTimeToLive, an id
   * on every element and none of them generated, and a diagram with a shape for every element of
   * the decision requirements graph.
   */
  public void assertHouseStyle() {
    DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
    Decision element = model.getModelElementById(decisionKey);
    assertThat(element).as("decision id = file name %s", decisionKey).isNotNull();
    assertThat(element.getName()).as("name shown to users").matches(".*\\p{IsHan}.*");
    assertThat(element.getCamundaHistoryTimeToLive())
        .as("camunda:historyTimeToLive of %s", decisionKey)
        .isNotNull()
        .isPositive();

    Document xml = parse(file);
    List<String> ids = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    NodeList all = xml.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      String id = e.getAttribute("id");
      if (!id.isEmpty()) {
        ids.add(id);
      } else if (needsId(e)) {
        missing.add(e.getLocalName());
      }
    }
    assertThat(missing).as("DMN elements without id").isEmpty();
    assertThat(ids).as("ids are unique").doesNotHaveDuplicates();
    assertThat(ids).as("ids are meaningful, none generated").allMatch(id -> MEANINGFUL_ID.matcher(id).matches());
    assertThat(ids).as("rules are named Rule_<Meaning>")
        .filteredOn(ruleIds()::contains)
        .allMatch(id -> id.startsWith("Rule_"));

    Set<String> shapes = new HashSet<>();
    NodeList shapeElements = xml.getElementsByTagNameNS(DMNDI_NS, "DMNShape");
    for (int i = 0; i < shapeElements.getLength(); i++) {
      Element shape = (Element) shapeElements.item(i);
      assertThat(shape.getElementsByTagNameNS("*", "Bounds").getLength()).as("bounds of %s", shape.getAttribute("id")).isEqualTo(1);
      shapes.add(shape.getAttribute("dmnElementRef"));
    }
    List<String> drgElements = new ArrayList<>();
    for (String kind : List.of("decision", "inputData", "knowledgeSource", "businessKnowledgeModel")) {
      NodeList nodes = xml.getElementsByTagNameNS(DMN_NS, kind);
      for (int i = 0; i < nodes.getLength(); i++) {
        drgElements.add(((Element) nodes.item(i)).getAttribute("id"));
      }
    }
    assertThat(drgElements).contains(decisionKey);
    assertThat(shapes).as("DMNDI shapes").containsAll(drgElements);
  }

  private static boolean needsId(Element e) {
    return DMN_NS.equals(e.getNamespaceURI()) && !ELEMENTS_WITHOUT_ID.contains(e.getLocalName())
        || DMNDI_NS.equals(e.getNamespaceURI()) && !e.getLocalName().equals("DMNDI");
  }

  private static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("DMN file not readable: " + file, e);
    }
  }
}
