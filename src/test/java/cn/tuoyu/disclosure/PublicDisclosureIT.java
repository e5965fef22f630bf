package cn.tuoyu.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.closure.ClosureRepository;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.InspectionHistory;
import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.Institution;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionRepository;
import cn.tuoyu.institution.InstitutionStatus;
import cn.tuoyu.support.EngineRest.Response;
import cn.tuoyu.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 信息公示 without login: search, paging, labels, and no personal data. The database is shared with
 * the other integration tests, so every institution here carries this run's tag in its name and
 * every search filters by it.
 */
class PublicDisclosureIT extends IntegrationTest {

  private static final String BAOTA = "610602";
  private static final String ANSAI = "610603";
  private static final Set<String> PUBLIC_FIELDS = Set.of("creditCode", "name", "countyCode", "countyName",
      "nature", "natureLabel", "inclusive", "status", "statusLabel", "filingStatus", "filingStatusLabel",
      "filedAt", "filingReceiptNo", "totalCapacity", "address", "latestReviewYear", "latestReviewResult",
      "latestReviewResultLabel", "closureAnnouncementDate", "closureAnnouncement");

  @Autowired InstitutionRepository institutions;
  @Autowired InspectionHistory inspections;
  @Autowired ClosureRepository closures;

  private String tag;
  /** Legal representatives' names: personal data that must never reach the public API. */
  private final List<String> legalRepresentatives = new ArrayList<>();
  /** credit code by short name: a (oldest) … e (newest). */
  private final Map<String, String> codes = new HashMap<>();
  private String receiptNo;

  @BeforeEach
  void registerInstitutions() {
    // letters in the tag, so that searching it in lower case proves case-insensitivity
    tag = "公示Tx" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    register("a", BAOTA, InstitutionNature.FOR_PROFIT, false, 5);
    register("b", BAOTA, InstitutionNature.NON_PROFIT, true, 4);
    register("c", ANSAI, InstitutionNature.NON_PROFIT, true, 3);
    register("d", ANSAI, InstitutionNature.FOR_PROFIT, false, 2);
    register("e", BAOTA, InstitutionNature.FOR_PROFIT, true, 1);

    institutions.setFilingOverdue(codes.get("b"), true);
    receiptNo = "延卫托备" + tag.substring(4);
    institutions.markFiled(codes.get("c"), receiptNo, "public-disclosure-it");
    institutions.changeStatus(codes.get("d"), InstitutionStatus.FILING_REJECTED, "public-disclosure-it", "不予备案");

    // a: passed its latest review; e: failed two years in a row, closed, deregistered and announced
    inspections.enterPriorResult(codes.get("a"), 2025, InspectionResult.PASSED, null, "public-disclosure-it");
    inspections.enterPriorResult(codes.get("e"), 2025, InspectionResult.FAILED, null, "public-disclosure-it");
    inspections.enterPriorResult(codes.get("e"), 2026, InspectionResult.FAILED, null, "public-disclosure-it");
    closures.openIfAbsent(codes.get("e"), BAOTA, 2026);
    institutions.changeStatus(codes.get("e"), InstitutionStatus.CLOSED, "public-disclosure-it", "关闭");
    institutions.changeStatus(codes.get("e"), InstitutionStatus.DEREGISTERED, "public-disclosure-it", "注销");
    closures.recordAnnouncement(codes.get("e"), LocalDate.of(2026, 3, 20), "关于关闭" + tag + "-e 的公告",
        "public-disclosure-it");
  }

  @Test
  void showsTheLatestAnnualReviewAndTheClosureAnnouncement() {
    Map<String, JsonNode> items = byShortName(search("name=" + encode(tag)).json());
    JsonNode a = items.get("a");
    assertThat(a.get("latestReviewYear").asInt()).isEqualTo(2025);
    assertThat(a.get("latestReviewResult").asText()).isEqualTo("PASSED");
    assertThat(a.get("latestReviewResultLabel").asText()).isEqualTo("合格");
    assertThat(a.get("closureAnnouncementDate").isNull()).isTrue();
    assertThat(items.get("b").get("latestReviewYear").isNull()).isTrue();

    JsonNode e = items.get("e");
    assertThat(e.get("latestReviewYear").asInt()).isEqualTo(2026);
    assertThat(e.get("latestReviewResultLabel").asText()).isEqualTo("不合格");
    assertThat(e.get("status").asText()).isEqualTo("DEREGISTERED");
    assertThat(e.get("statusLabel").asText()).isEqualTo("已注销");
    assertThat(e.get("closureAnnouncementDate").asText()).isEqualTo("2026-03-20");
    assertThat(e.get("closureAnnouncement").asText()).isEqualTo("关于关闭" + tag + "-e 的公告");
  }

  @Test
  void searchesByNameAnyCaseNewestFirst() {
    Response response = search("name=" + encode(tag.toLowerCase()));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode page = response.json();
    assertThat(page.get("total").asLong()).isEqualTo(5);
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("size").asInt()).isEqualTo(20);
    assertThat(shortNames(page)).containsExactly("e", "d", "c", "b", "a");

    assertThat(search("name=" + encode(tag + "-c")).json().get("total").asLong()).isEqualTo(1);
    // % and _ are literal characters, not wildcards
    assertThat(search("name=" + encode(tag + "%")).json().get("total").asLong()).isZero();
    assertThat(search("name=" + encode(tag.substring(0, 5) + "_")).json().get("total").asLong()).isZero();
  }

  @Test
  void filtersByCounty() {
    JsonNode baota = search("name=" + encode(tag) + "&county=" + BAOTA).json();
    assertThat(baota.get("total").asLong()).isEqualTo(3);
    assertThat(shortNames(baota)).containsExactly("e", "b", "a");
    for (JsonNode item : baota.get("items")) {
      assertThat(item.get("countyCode").asText()).isEqualTo(BAOTA);
      assertThat(item.get("countyName").asText()).isEqualTo("宝塔区");
    }
    JsonNode ansai = search("name=" + encode(tag) + "&county=" + ANSAI).json();
    assertThat(shortNames(ansai)).containsExactly("d", "c");
    assertThat(search("name=" + encode(tag) + "&county=610621").json().get("total").asLong()).isZero();
    // empty form fields mean "all"
    assertThat(search("name=" + encode(tag) + "&county=").json().get("total").asLong()).isEqualTo(5);
  }

  @Test
  void pages() {
    String query = "name=" + encode(tag) + "&size=2";
    JsonNode first = search(query + "&page=1").json();
    assertThat(first.get("total").asLong()).isEqualTo(5);
    assertThat(first.get("size").asInt()).isEqualTo(2);
    assertThat(shortNames(first)).containsExactly("e", "d");
    assertThat(shortNames(search(query + "&page=2").json())).containsExactly("c", "b");
    JsonNode last = search(query + "&page=3").json();
    assertThat(last.get("page").asInt()).isEqualTo(3);
    assertThat(shortNames(last)).containsExactly("a");
    JsonNode beyond = search(query + "&page=4").json();
    assertThat(beyond.get("items")).isEmpty();
    assertThat(beyond.get("total").asLong()).isEqualTo(5);

    assertThat(search("size=100").status()).isEqualTo(200);
    for (String invalid : List.of("size=101", "size=0", "page=0", "page=abc", "county=61060")) {
      Response refused = search(invalid);
      assertThat(refused.status()).as(invalid).isEqualTo(400);
      assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
          t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(refused.json().get("errors").get(0).get("field").asText())
          .isEqualTo(invalid.substring(0, invalid.indexOf('=')));
    }
  }

  @Test
  void showsNatureStatusAndFilingLabels() {
    Map<String, JsonNode> items = byShortName(search("name=" + encode(tag)).json());

    JsonNode a = items.get("a");
    assertThat(a.get("creditCode").asText()).isEqualTo(codes.get("a"));
    assertThat(a.get("natureLabel").asText()).isEqualTo("营利性");
    assertThat(a.get("inclusive").asBoolean()).isFalse();
    assertThat(a.get("status").asText()).isEqualTo("REGISTERED");
    assertThat(a.get("statusLabel").asText()).isEqualTo("已登记");
    assertThat(a.get("filingStatusLabel").asText()).isEqualTo("未备案");
    assertThat(a.get("filedAt").isNull()).isTrue();
    assertThat(a.get("totalCapacity").asInt()).isEqualTo(10 + 20 + 30);
    assertThat(a.get("address").asText()).isEqualTo("延安市宝塔区测试路 a 号");

    JsonNode b = items.get("b");
    assertThat(b.get("natureLabel").asText()).isEqualTo("非营利性");
    assertThat(b.get("inclusive").asBoolean()).isTrue();
    assertThat(b.get("filingStatus").asText()).isEqualTo("OVERDUE");
    assertThat(b.get("filingStatusLabel").asText()).isEqualTo("逾期未备案");

    JsonNode c = items.get("c");
    assertThat(c.get("statusLabel").asText()).isEqualTo("已备案");
    assertThat(c.get("filingStatusLabel").asText()).isEqualTo("已备案");
    assertThat(c.get("filedAt").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
    assertThat(c.get("filingReceiptNo").asText()).isEqualTo(receiptNo);
    assertThat(c.get("countyName").asText()).isEqualTo("安塞区");

    JsonNode d = items.get("d");
    assertThat(d.get("statusLabel").asText()).isEqualTo("不予备案");
    assertThat(d.get("filingStatusLabel").asText()).isEqualTo("不予备案");
    assertThat(items.get("e").get("filingStatusLabel").asText()).isEqualTo("未备案");
    assertThat(items.get("e").get("statusLabel").asText()).isEqualTo("已注销");
  }

  @Test
  void publishesNoPersonalData() {
    Response response = search("name=" + encode(tag));
    for (String person : legalRepresentatives) {
      assertThat(response.body()).doesNotContain(person);
    }
    for (JsonNode item : response.json().get("items")) {
      List<String> fields = new ArrayList<>();
      item.fieldNames().forEachRemaining(fields::add);
      assertThat(fields).containsExactlyInAnyOrderElementsOf(PUBLIC_FIELDS);
    }
    assertThat(response.body()).doesNotContainIgnoringCase("legal").doesNotContainIgnoringCase("staff")
        .doesNotContainIgnoringCase("idNumber").doesNotContain("monthlyFee");
  }

  @Test
  void needsNoLogin() {
    Response list = anonymous().get("/api/public/institutions?name=" + encode(tag));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.raw().headers().firstValue("WWW-Authenticate")).isEmpty();

    Response counties = anonymous().get("/api/public/counties");
    assertThat(counties.status()).isEqualTo(200);
    List<String> names = StreamSupport.stream(counties.json().spliterator(), false)
        .map(county -> county.get("code").asText() + " " + county.get("name").asText()).toList();
    assertThat(names).hasSize(14).contains("610600 延安市本级", "610602 宝塔区", "610603 安塞区", "610621 延长县");
    for (JsonNode county : counties.json()) {
      assertThat(county.size()).isEqualTo(2);
    }
  }

  @Test
  void servesThePublicPageWithAStrictContentSecurityPolicy() {
    Response page = anonymous().get("/public/institutions.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("<title>托育机构信息公示</title>", "机构名称", "统一社会信用代码", "托位数",
        "年审结果");
    assertThat(page.body()).doesNotContain("<script>", "style=", "http://", "https://");
    assertThat(page.raw().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    for (String asset : List.of("/public/institutions.js", "/public/institutions.css")) {
      Response response = anonymous().get(asset);
      assertThat(response.status()).as(asset).isEqualTo(200);
      assertThat(response.body()).as(asset).doesNotContain("http://", "https://");
    }
  }

  private Response search(String query) {
    return anonymous().get("/api/public/institutions?" + query);
  }

  private void register(String shortName, String county, InstitutionNature nature, boolean inclusive, int daysAgo) {
    String first17 = (nature == InstitutionNature.FOR_PROFIT ? "92" : "52") + county
        + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    String code = first17 + CreditCode.checkCharacter(first17);
    String legal = "法人" + tag.substring(4) + shortName;
    institutions.insert(new Institution(code, tag + "-" + shortName + " 阳光托育中心", nature, inclusive, county,
        "延安市" + (BAOTA.equals(county) ? "宝塔区" : "安塞区") + "测试路 " + shortName + " 号", legal,
        10, 20, 30, new BigDecimal("1800.00"), nature == InstitutionNature.FOR_PROFIT ? "approval" : "establishment",
        null, OffsetDateTime.now().minusDays(daysAgo), InstitutionStatus.REGISTERED, false, null, null),
        "public-disclosure-it");
    codes.put(shortName, code);
    legalRepresentatives.add(legal);
  }

  private List<String> shortNames(JsonNode page) {
    return StreamSupport.stream(page.get("items").spliterator(), false).map(this::shortName).toList();
  }

  private Map<String, JsonNode> byShortName(JsonNode page) {
    Map<String, JsonNode> items = new HashMap<>();
    page.get("items").forEach(item -> items.put(shortName(item), item));
    return items;
  }

  private String shortName(JsonNode item) {
    String name = item.get("name").asText();
    assertThat(name).startsWith(tag + "-");
    return name.substring(tag.length() + 1, tag.length() + 2);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
