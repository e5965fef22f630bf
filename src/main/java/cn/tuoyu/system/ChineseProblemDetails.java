package cn.tuoyu.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring Boot's problem-details handler (which this bean replaces) with Chinese texts. It answers
 * Spring MVC's refusals that happen before any controller is chosen — an unknown {@code /api} path
 * (404), a method the path does not support (405), an unsupported content type (415) — and errors of
 * non-project handlers such as the actuator. Errors inside the project's controllers go to
 * {@link ApiErrorHandler}, which is ordered first. English texts of Spring quote request details and
 * are replaced, not translated.
 */
@RestControllerAdvice
class ChineseProblemDetails extends ResponseEntityExceptionHandler {

  /** The last step of every answer, once Spring has built its (English) problem body. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
      WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      problem.setTitle(ApiErrorHandler.title(statusCode));
      problem.setDetail(ApiErrorHandler.describe(statusCode));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }
}
