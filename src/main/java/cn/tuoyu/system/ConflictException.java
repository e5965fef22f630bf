package cn.tuoyu.system;

/** The request clashes with the current state, e.g. a duplicate registration: 409 from the API. */
public class ConflictException extends RuntimeException {

  /** @param message shown to the user, in Chinese */
  public ConflictException(String message) {
    super(message);
  }

  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
