package cn.tuoyu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What the benchmark's node and driver share: progress lines, figures and the file they travel in. */
final class Bench {

  /** Lines the driver shows while a node runs; everything else goes to the node's log only. */
  static final String PROGRESS = "[bench] ";

  private Bench() {}

  static void progress(String format, Object... args) {
    System.out.println(PROGRESS + String.format(Locale.ROOT, format, args));
    System.out.flush();
  }

  /**
   * One measured figure. {@code scale} says at what size it was taken (open tasks, institutions,
   * threads), {@code samples} how many measurements it summarises.
   */
  record Figure(String section, String name, String scale, String unit, double value, int samples) {

    String key() {
      return section + "|" + name + "|" + scale;
    }

    String line() {
      return String.join("\t", section, name, scale, unit, String.format(Locale.ROOT, "%.3f", value),
          Integer.toString(samples));
    }

    static Figure parse(String line) {
      String[] f = line.split("\t");
      return new Figure(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Integer.parseInt(f[5]));
    }
  }

  static void append(Path file, Figure figure) {
    try {
      Files.writeString(file, figure.line() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Figure> read(Path file) {
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      List<Figure> figures = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          figures.add(Figure.parse(line));
        }
      }
      return figures;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The nearest-rank percentile of measured values. */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
