package cn.tuoyu.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of the project's own controllers as {@code application/problem+json} in Chinese.
 *
 * <p>Input errors name the field (property {@code errors}: every bad field as {@code {field,
 * message}}) but never the value that was sent: values here are ID numbers and names, and neither
 * belongs in a response or a log. For the same reason Spring's and Jackson's own messages, which
 * quote the value, are never passed on, and 4xx answers are not logged.
 *
 * <p>Scoped to {@code cn.tuoyu} and ordered before {@link ChineseProblemDetails}, which answers
 * refusals that happen before a controller is chosen and everything else (actuator). Camunda's REST
 * API is JAX-RS and never gets here.
 */
@RestControllerAdvice(basePackages = "cn.tuoyu")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  /** One bad input: its path as the client wrote it ({@code staff[2].idNumber}) and what is wrong. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record InvalidField(String field, String message) {}

  private static final Comparator<InvalidField> BY_FIELD = Comparator
      .comparing(InvalidField::field, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(InvalidField::message, Comparator.nullsFirst(Comparator.naturalOrder()));

  /** {@code @Valid} request bodies (and form or query objects). */
  @ExceptionHandler(BindException.class)
  ResponseEntity<ProblemDetail> invalidObject(BindException e, HttpServletRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new InvalidField(f.getField(), message(f))));
    e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new InvalidField(null, message(g))));
    return invalid(errors, request);
  }

  /** Constraints on controller parameters ({@code @Max} on a query parameter, a validated list body). */
  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      String prefix = parameterName(result.getMethodParameter());
      if (result.getContainerIndex() != null) {
        prefix += "[" + result.getContainerIndex() + "]";
      } else if (result.getContainerKey() != null) {
        prefix += "[" + result.getContainerKey() + "]";
      }
      if (result instanceof ParameterErrors bean) {
        for (FieldError f : bean.getFieldErrors()) {
          errors.add(new InvalidField(join(prefix, f.getField()), message(f)));
        }
        for (ObjectError g : bean.getGlobalErrors()) {
          errors.add(new InvalidField(emptyToNull(prefix), message(g)));
        }
      } else {
        for (MessageSourceResolvable error : result.getResolvableErrors()) {
          errors.add(new InvalidField(emptyToNull(prefix), error.getDefaultMessage()));
        }
      }
    }
    e.getCrossParameterValidationResults().forEach(r -> errors.add(new InvalidField(null, r.getDefaultMessage())));
    return invalid(errors, request);
  }

  /** Method validation outside controllers (a {@code @Validated} service called by one). */
  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ProblemDetail> constraintViolations(ConstraintViolationException e, HttpServletRequest request) {
    List<InvalidField> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      errors.add(new InvalidField(emptyToNull(path(violation.getPropertyPath())), violation.getMessage()));
    }
    return invalid(errors, request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof JsonProcessingException)) {
      cause = cause.getCause();
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      String message;
      if (mapping instanceof UnrecognizedPropertyException) {
        message = "不允许的字段";
      } else if (mapping instanceof MismatchedInputException mismatch) {
        message = "类型不正确，" + expected(mismatch.getTargetType());
      } else if (mapping instanceof ValueInstantiationException
          && mapping.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
        // the project's value types (CreditCode …) say in Chinese what is wrong, without the value
        message = invalid.getMessage();
      } else {
        message = "格式不正确";
      }
      return invalid(List.of(new InvalidField(field, message)), request);
    }
    String detail;
    if (cause instanceof JsonParseException) {
      detail = "请求体不是有效的 JSON。";
    } else if (cause instanceof ValueInstantiationException
        && cause.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
      detail = invalid.getMessage();
    } else if (cause instanceof JsonMappingException) {
      detail = "请求体格式不正确。";
    } else {
      detail = "缺少请求体，或请求体无法读取。";
    }
    return problem(HttpStatus.BAD_REQUEST, "请求有误", detail, request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String field = e.getParameter() != null ? parameterName(e.getParameter()) : e.getName();
    return invalid(List.of(new InvalidField(field, "类型不正确，" + expected(e.getRequiredType()))), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
    return invalid(List.of(new InvalidField(e.getParameterName(), "不能为空")), request);
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> forbidden(AuthorizationException e, HttpServletRequest request) {
    // who tried what is worth keeping; the engine's text names user and resource, no personal data
    log.info("API 拒绝访问 {} {}：{}", request.getMethod(), request.getRequestURI(), e.getMessage());
    return problem(HttpStatus.FORBIDDEN, "无权操作", "您没有执行此操作的权限。", request);
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage(), request);
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
    return problem(HttpStatus.CONFLICT, "操作冲突", e.getMessage(), request);
  }

  /** A business rule refused the input, possibly from inside a listener the call set off: 400 with its message. */
  @ExceptionHandler(ProcessEngineException.class)
  ResponseEntity<ProblemDetail> engineRefusal(ProcessEngineException e, HttpServletRequest request) {
    return RuleViolationException.in(e)
        .map(violation -> problem(HttpStatus.BAD_REQUEST, "不符合业务规则", violation.getMessage(), request))
        .orElseGet(() -> other(e, request));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
    String detail = e.getMessage() == null || e.getMessage().isBlank() ? "请求参数有误。" : e.getMessage();
    return problem(HttpStatus.BAD_REQUEST, "请求有误", detail, request);
  }

  /**
   * Spring MVC's own refusals (405, 415, …) keep their status and headers with a Chinese text;
   * anything else is a 500 whose cause goes to the log, not to the caller.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse response) {
      HttpStatusCode status = response.getStatusCode();
      String detail = e instanceof ResponseStatusException rse && rse.getReason() != null
          ? rse.getReason() : describe(status);
      ResponseEntity<ProblemDetail> entity = problem(status, title(status), detail, request);
      HttpHeaders headers = new HttpHeaders();
      headers.addAll(entity.getHeaders());
      headers.addAll(response.getHeaders());
      return new ResponseEntity<>(entity.getBody(), headers, status);
    }
    log.error("API 请求处理失败 {} {}", request.getMethod(), request.getRequestURI(), e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "服务器处理请求时出错，请稍后重试或联系系统管理员。", request);
  }

  private static ResponseEntity<ProblemDetail> invalid(List<InvalidField> errors, HttpServletRequest request) {
    List<InvalidField> sorted = errors.stream().sorted(BY_FIELD).toList();
    ResponseEntity<ProblemDetail> entity = problem(HttpStatus.BAD_REQUEST, "请求有误",
        "提交的数据有 " + sorted.size() + " 处错误，请按 errors 逐项修改。", request);
    entity.getBody().setProperty("errors", sorted);
    return entity;
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
      HttpServletRequest request) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    try {
      body.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException ignored) {
      // a URI the container accepted but java.net.URI does not: leave instance out
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** Binding failures carry Spring's conversion message, which quotes the value sent. */
  private static String message(ObjectError error) {
    if (error instanceof FieldError field && field.isBindingFailure()) {
      return "类型不正确";
    }
    return error.getDefaultMessage();
  }

  private static String parameterName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
    if (variable != null && !variable.name().isEmpty()) {
      return variable.name();
    }
    if (parameter.hasParameterAnnotation(RequestBody.class)) {
      return ""; // fields of the body are named as the client wrote them, without a prefix
    }
    String name = parameter.getParameterName();
    return name != null ? name : "arg" + parameter.getParameterIndex();
  }

  private static String join(String prefix, String field) {
    if (prefix.isEmpty()) {
      return field;
    }
    return field.startsWith("[") ? prefix + field : prefix + "." + field;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** {@code staff[2].idNumber} from Jackson's path. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** {@code staff[2].idNumber} from a bean-validation path, without method and parameter nodes. */
  private static String path(Path propertyPath) {
    StringBuilder path = new StringBuilder();
    for (Path.Node node : propertyPath) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
          || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
        continue;
      }
      if (node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        path.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(node.getName());
      }
    }
    return path.toString();
  }

  /** What the field should have been, from its Java type; never what it was. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "格式不正确";
    }
    Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
    if (boxed == Boolean.class) {
      return "应为 true 或 false";
    }
    if (Number.class.isAssignableFrom(boxed)) {
      return "应为数字";
    }
    if (CharSequence.class.isAssignableFrom(boxed) || boxed == Character.class) {
      return "应为文本";
    }
    if (boxed.isEnum()) {
      return "应为以下取值之一：" + Arrays.stream(boxed.getEnumConstants())
          .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining("、"));
    }
    if (boxed == java.time.LocalDate.class) {
      return "应为日期，格式为 YYYY-MM-DD";
    }
    if (Temporal.class.isAssignableFrom(boxed)) {
      return "应为日期时间，格式为 ISO 8601";
    }
    if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
      return "应为数组";
    }
    if (Map.class.isAssignableFrom(boxed) || !boxed.getName().startsWith("java.")) {
      return "应为对象";
    }
    return "格式不正确";
  }

  static String title(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "请求有误";
      case 401 -> "未登录";
      case 403 -> "无权操作";
      case 404 -> "未找到";
      case 405 -> "请求方法不允许";
      case 406 -> "无法提供所需格式";
      case 409 -> "操作冲突";
      case 413 -> "请求过大";
      case 415 -> "内容类型不支持";
      default -> status.is5xxServerError() ? "服务器内部错误" : "请求无法处理";
    };
  }

  static String describe(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "请求有误，请检查请求参数和请求体。";
      case 404 -> "请求的资源不存在。";
      case 405 -> "该地址不支持此请求方法。";
      case 406 -> "无法按请求的 Accept 提供响应，请接受 application/json。";
      case 413 -> "请求体过大。";
      case 415 -> "不支持该请求内容类型，请使用 application/json。";
      default -> status.is5xxServerError() ? "服务器处理请求时出错，请稍后重试或联系系统管理员。" : "请求无法处理。";
    };
  }
}
