package cn.tuoyu.system;

/** What the request names does not exist (or the caller may not know it exists): 404 from the API. */
public class NotFoundException extends RuntimeException {

  /** @param message shown to the user, in Chinese, e.g. "机构不存在：9161…" */
  public NotFoundException(String message) {
    super(message);
  }
}
