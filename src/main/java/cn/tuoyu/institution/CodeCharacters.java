package cn.tuoyu.institution;

/** Shared by the code parsers: how a bad character is named in an error message. */
final class CodeCharacters {

  private CodeCharacters() {}

  /** 空白和控制字符写成 U+XXXX，否则消息里看不出是什么。 */
  static String visible(int codePoint) {
    if (Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.isISOControl(codePoint)
        || !Character.isDefined(codePoint)
        || Character.getType(codePoint) == Character.FORMAT) {
      return String.format("U+%04X", codePoint);
    }
    return new String(Character.toChars(codePoint));
  }
}
