package cn.tuoyu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.bench.Bench.Figure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's arithmetic and its files, so that a run an hour long does not end in a wrong table. */
class ReportTest {

  @Test
  void nearestRankPercentiles() {
    double[] values = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 100};
    assertThat(Bench.percentile(values, 50)).isEqualTo(10);
    assertThat(Bench.percentile(values, 95)).isEqualTo(19);
    assertThat(Bench.percentile(new double[] {42}, 95)).isEqualTo(42);
  }

  @Test
  void figuresSurviveTheirFile(@TempDir Path dir) {
    Path file = dir.resolve("ours.tsv");
    Figure figure = new Figure("筛选器 本部门待办", "列表+计数 p95", "100,000 待办", "ms", 12.5, 50);
    Bench.append(file, figure);
    assertThat(Bench.read(file)).containsExactly(figure);
  }

  @Test
  void ratiosSayHowManyTimesBetterOursIs() {
    Report.Row faster = new Report.Row("s", "p95", "", "ms", fig("ms", 10), fig("ms", 250));
    Report.Row moreStarts = new Report.Row("s", "starts", "", "个/秒", fig("个/秒", 300), fig("个/秒", 150));
    Report.Row count = new Report.Row("s", "visible", "", "个", fig("个", 3), fig("个", 30));
    assertThat(faster.ratio()).isEqualTo("25.0×");
    assertThat(moreStarts.ratio()).isEqualTo("2.0×");
    assertThat(count.ratio()).isEmpty();
  }

  @Test
  void writesCsvMarkdownAndAChartWithBothColumns(@TempDir Path dir) throws Exception {
    Report report = new Report(
        List.of(fig("ms", 12), new Figure("流程启动", "登记备案流程启动", "1 线程", "个/秒", 300, 600)),
        List.of(fig("ms", 30_000)));
    report.write(dir, "61.0");

    assertThat(Files.readAllLines(dir.resolve("results.csv"))).containsExactly(
        "section,figure,scale,unit,ours,stock,ours_samples,stock_samples",
        "\"筛选器\",\"列表+计数 p95\",\"100,000 待办\",\"ms\",12.000,30000.000,1,1",
        "\"流程启动\",\"登记备案流程启动\",\"1 线程\",\"个/秒\",300.000,,600,");
    assertThat(Files.readString(dir.resolve("results.md")))
        .contains("| 筛选器 · 列表+计数 p95 | 100,000 待办 | 12 ms | 30,000 ms | 2500.0× |")
        .contains("| 流程启动 · 登记备案流程启动 | 1 线程 | 300 个/秒 | — |  |");
    String html = Files.readString(dir.resolve("results.html"));
    assertThat(html).contains("class=\"bar ours\"").contains("class=\"bar stock\"").contains("30,000 ms");
    assertThat(report.text()).contains("2500.0×");
  }

  @Test
  void callsCutOffByTheTimeoutShowAsLowerBounds(@TempDir Path dir) throws Exception {
    Report report = new Report(List.of(fig("ms", 40)),
        List.of(fig("ms", 60_000), new Figure("筛选器", Report.FAILED, "100,000 待办", "次", 4, 4)));
    report.write(dir, "1.0");

    assertThat(Files.readString(dir.resolve("results.md")))
        .contains("| 筛选器 · 列表+计数 p95 | 100,000 待办 | 40 ms | ≥ 60,000 ms | ≥ 1500.0× |");
  }

  private static Figure fig(String unit, double value) {
    return new Figure("筛选器", "列表+计数 p95", "100,000 待办", unit, value, 1);
  }
}
