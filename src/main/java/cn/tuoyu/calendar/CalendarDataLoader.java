package cn.tuoyu.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Collects year files from the classpath ({@code calendar/*.txt}) and from the optional
 * administrator directory. A year in the directory replaces the bundled year of the same number,
 * so a corrected or new notice never needs a code change.
 */
final class CalendarDataLoader {

  static final String CLASSPATH_PATTERN = "classpath*:calendar/*.txt";
  static final String FILE_SUFFIX = ".txt";

  private static final Logger log = LoggerFactory.getLogger(CalendarDataLoader.class);

  private CalendarDataLoader() {}

  /**
   * @param dataDir administrator directory, or null/blank for none
   * @return one entry per year, sorted by year
   */
  static Collection<CalendarYear> load(String dataDir) {
    Map<Integer, CalendarYear> years = new TreeMap<>();
    for (CalendarYear year : bundled()) {
      putUnique(years, year);
    }
    if (dataDir != null && !dataDir.isBlank()) {
      Map<Integer, CalendarYear> external = new TreeMap<>();
      for (CalendarYear year : fromDirectory(Path.of(dataDir.strip()))) {
        putUnique(external, year);
      }
      external.forEach((number, year) -> {
        CalendarYear replaced = years.put(number, year);
        if (replaced != null) {
          log.warn("Working-day calendar {}: {} replaces bundled {}", number, year.origin(),
              replaced.origin());
        }
      });
    }
    years.values().forEach(y -> log.info("Working-day calendar {}: {} {} ({})", y.year(),
        y.notice(), y.number(), y.origin()));
    return years.values();
  }

  static List<CalendarYear> bundled() {
    List<CalendarYear> result = new ArrayList<>();
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver(
          CalendarDataLoader.class.getClassLoader()).getResources(CLASSPATH_PATTERN);
      for (Resource resource : resources) {
        String origin = "classpath:calendar/" + resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
          result.add(CalendarFileParser.parse(origin, in.readAllBytes()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("无法读取内置工作日历数据", e);
    }
    return result;
  }

  static List<CalendarYear> fromDirectory(Path dir) {
    // a configured but missing directory is a deployment mistake; silently ignoring it would
    // leave the administrator's new year unloaded until the first deadline fails
    if (!Files.isDirectory(dir)) {
      throw new CalendarDataException(dir.toAbsolutePath().toString(), 0,
          "目录不存在或不是目录（配置项 tuoyu.calendar.data-dir / 环境变量 TUOYU_CALENDAR_DIR）");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + FILE_SUFFIX)) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new CalendarDataException(dir.toAbsolutePath().toString(), 0, "无法列出目录：" + e.getMessage());
    }
    files.sort(null);
    List<CalendarYear> result = new ArrayList<>();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String origin = file.toAbsolutePath().toString();
      try {
        result.add(CalendarFileParser.parse(origin, Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new CalendarDataException(origin, 0, "无法读取文件：" + e.getMessage());
      }
    }
    return result;
  }

  private static void putUnique(Map<Integer, CalendarYear> years, CalendarYear year) {
    CalendarYear other = years.putIfAbsent(year.year(), year);
    if (other != null) {
      throw new CalendarDataException(year.origin(), 0,
          year.year() + " 年的数据已在 " + other.origin() + " 中定义，同一来源每年只能有一个文件");
    }
  }
}
