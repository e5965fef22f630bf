package cn.tuoyu.calendar;

/**
 * A calendar data file is unreadable or inconsistent. Thrown while loading, so start-up fails
 * instead of running deadlines on a half-read calendar.
 */
public class CalendarDataException extends IllegalStateException {

  private final String file;
  private final int line;

  /**
   * @param file file name as shown to the administrator
   * @param line 1-based line number, or 0 when the problem concerns the file as a whole
   * @param reason what is wrong, in Chinese
   */
  public CalendarDataException(String file, int line, String reason) {
    super(line > 0
        ? "工作日历数据文件 " + file + " 第 " + line + " 行：" + reason
        : "工作日历数据文件 " + file + "：" + reason);
    this.file = file;
    this.line = line;
  }

  public String getFile() {
    return file;
  }

  /** 1-based line number, 0 when the whole file is concerned. */
  public int getLine() {
    return line;
  }
}
