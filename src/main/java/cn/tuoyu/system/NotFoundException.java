package cn.tuoyu.system;

/** A request names something that does not exist: 404 from the project's API. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
