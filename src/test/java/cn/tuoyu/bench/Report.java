package cn.tuoyu.bench;

import cn.tuoyu.bench.Bench.Figure;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The benchmark's table: one row per figure, this application beside the stock settings. */
final class Report {

  /** Name of the figure that counts calls cut off by the statement timeout. */
  static final String FAILED = "失败的调用";

  /**
   * One row: the same figure measured under both configurations (either may be missing). A side
   * whose calls were cut off by the statement timeout ({@code oursCut}, {@code stockCut}) has a
   * lower bound, not a measurement.
   */
  record Row(String section, String name, String scale, String unit, Figure ours, Figure stock,
      boolean oursCut, boolean stockCut) {

    Row(String section, String name, String scale, String unit, Figure ours, Figure stock) {
      this(section, name, scale, unit, ours, stock, false, false);
    }

    String oursValue() {
      return (oursCut ? "≥ " : "") + value(ours, unit);
    }

    String stockValue() {
      return (stockCut ? "≥ " : "") + value(stock, unit);
    }

    String label() {
      return section + " · " + name + (scale.isEmpty() ? "" : " @ " + scale);
    }

    /** How many times better ours is: time-like units shrink, rates grow. */
    String ratio() {
      if (ours == null || stock == null || ours.value() == 0 || stock.value() == 0) {
        return "";
      }
      boolean higherIsBetter = unit.contains("/");
      double r = higherIsBetter ? ours.value() / stock.value() : stock.value() / ours.value();
      String bound = stockCut && !oursCut ? "≥ " : oursCut && !stockCut ? "≤ " : oursCut ? "~" : "";
      return "ms".equals(unit) || "s".equals(unit) || higherIsBetter ? bound + String.format(Locale.ROOT, "%.1f×", r) : "";
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final String machine;

  Report(List<Figure> ours, List<Figure> stock) {
    Map<String, Figure[]> byKey = new LinkedHashMap<>();
    ours.forEach(f -> byKey.computeIfAbsent(f.key(), k -> new Figure[2])[0] = f);
    stock.forEach(f -> byKey.computeIfAbsent(f.key(), k -> new Figure[2])[1] = f);
    Set<String> oursCut = cutOff(ours);
    Set<String> stockCut = cutOff(stock);
    for (Figure[] pair : byKey.values()) {
      Figure any = pair[0] != null ? pair[0] : pair[1];
      String where = any.section() + "|" + any.scale();
      boolean timed = "ms".equals(any.unit());
      rows.add(new Row(any.section(), any.name(), any.scale(), any.unit(), pair[0], pair[1],
          timed && oursCut.contains(where), timed && stockCut.contains(where)));
    }
    machine = String.format(Locale.ROOT, "%d CPU, %s, Java %s, %s", Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getName() + " " + ManagementFactory.getOperatingSystemMXBean().getArch(),
        System.getProperty("java.version"), "embedded PostgreSQL (io.zonky.test)");
  }

  /** Section and scale of the measurements in which some call was cut off. */
  private static Set<String> cutOff(List<Figure> figures) {
    Set<String> cut = new HashSet<>();
    figures.stream().filter(f -> FAILED.equals(f.name()) && f.value() > 0).forEach(f -> cut.add(f.section() + "|" + f.scale()));
    return cut;
  }

  void write(Path dir, String minutes) throws IOException {
    String when = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    Files.writeString(dir.resolve("results.csv"), csv(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.md"), markdown(when, minutes), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("results.html"), html(when, minutes), StandardCharsets.UTF_8);
  }

  String text() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-62s %14s %14s %8s%n", "", "ours", "stock", "ratio"));
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "%-62s %14s %14s %8s%n", r.label(), r.oursValue(),
          r.stockValue(), r.ratio()));
    }
    return out.toString();
  }

  private String csv() {
    StringBuilder out = new StringBuilder("section,figure,scale,unit,ours,stock,ours_samples,stock_samples\n");
    for (Row r : rows) {
      out.append(String.join(",", quote(r.section()), quote(r.name()), quote(r.scale()), quote(r.unit()),
          number(r.ours()), number(r.stock()), samples(r.ours()), samples(r.stock()))).append('\n');
    }
    return out.toString();
  }

  private String markdown(String when, String minutes) {
    StringBuilder out = new StringBuilder("Measured " + when + " on " + machine + "; the run took " + minutes + " min.\n\n");
    out.append("| 项目 | 规模 | 本系统 | Camunda 7.24.0 默认设置 | 倍数 |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append("| ").append(r.section()).append(" · ").append(r.name()).append(" | ").append(r.scale()).append(" | ")
          .append(r.oursValue()).append(" | ").append(r.stockValue()).append(" | ")
          .append(r.ratio()).append(" |\n");
    }
    return out.toString();
  }

  /** A self-contained page: the table with bars on a log scale (stock and ours differ by orders of magnitude). */
  private String html(String when, String minutes) {
    double max = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.ours(), r.stock()))
        .filter(f -> f != null && f.value() > 0).mapToDouble(Figure::value).max().orElse(1);
    StringBuilder out = new StringBuilder("""
        <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>省级规模性能基准</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:2px 8px;
        border-bottom:1px solid #ddd;text-align:left}td.n{text-align:right;white-space:nowrap}.bar{height:9px;margin:1px 0}
        .ours{background:#10b981}.stock{background:#ef4444}</style></head><body>
        <h1>省级规模性能基准：本系统与 Camunda 7.24.0 默认设置</h1>
        """);
    out.append("<p>").append(escape(when)).append(" · ").append(escape(machine)).append(" · 用时 ").append(minutes)
        .append(" 分钟。条形为对数刻度；<span style=\"color:#10b981\">■</span> 本系统，<span style=\"color:#ef4444\">■</span> 默认设置。</p>\n");
    out.append("<table><tr><th>项目</th><th>规模</th><th>本系统</th><th>默认设置</th><th>倍数</th><th></th></tr>\n");
    for (Row r : rows) {
      out.append("<tr><td>").append(escape(r.section() + " · " + r.name())).append("</td><td>").append(escape(r.scale()))
          .append("</td><td class=n>").append(escape(r.oursValue())).append("</td><td class=n>")
          .append(escape(r.stockValue())).append("</td><td class=n>").append(r.ratio()).append("</td><td>")
          .append(bar(r.ours(), max, "ours")).append(bar(r.stock(), max, "stock")).append("</td></tr>\n");
    }
    return out.append("</table></body></html>\n").toString();
  }

  private static String bar(Figure f, double max, String kind) {
    if (f == null || f.value() <= 0) {
      return "";
    }
    double width = Math.max(1, 400 * Math.log10(1 + f.value()) / Math.log10(1 + max));
    return String.format(Locale.ROOT, "<div class=\"bar %s\" style=\"width:%.0fpx\"></div>", kind, width);
  }

  private static String value(Figure f, String unit) {
    if (f == null) {
      return "—";
    }
    String number = f.value() >= 100 || f.value() == Math.rint(f.value())
        ? String.format(Locale.ROOT, "%,.0f", f.value()) : String.format(Locale.ROOT, "%,.1f", f.value());
    return number + " " + unit;
  }

  private static String number(Figure f) {
    return f == null ? "" : String.format(Locale.ROOT, "%.3f", f.value());
  }

  private static String samples(Figure f) {
    return f == null ? "" : Integer.toString(f.samples());
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
