package cn.tuoyu.system;

/** A request that the current state does not allow: 409 from the project's API. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
