package cn.tuoyu.registration;

import cn.tuoyu.registration.FilingService.FilingResult;
import cn.tuoyu.registration.RegistrationService.RegistrationResult;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake from other systems: the registration authority's approvals and the institutions' filings
 * (through the government service portal). Both authenticate with HTTP Basic as a user of the
 * engine; the engine's authorizations and county tenants apply to everything they start.
 */
@RestController
@RequestMapping("/api")
public class RegistrationController {

  private final RegistrationService registrations;
  private final FilingService filings;

  public RegistrationController(RegistrationService registrations, FilingService filings) {
    this.registrations = registrations;
    this.filings = filings;
  }

  /** 201 with the new case, or 200 with the existing one when the credit code was registered before. */
  @PostMapping("/registrations")
  public ResponseEntity<RegistrationResult> register(@Valid @RequestBody RegistrationRequest request) {
    RegistrationResult result = registrations.register(request);
    if (!result.created()) {
      return ResponseEntity.ok(result);
    }
    return ResponseEntity.created(URI.create("/api/registrations/" + result.creditCode())).body(result);
  }

  @PostMapping("/filings")
  public ResponseEntity<FilingResult> file(@Valid @RequestBody FilingRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(filings.submit(request));
  }

  /** The rules refused the registration while its case started: nothing was written. */
  @ExceptionHandler(RegistrationRejectedException.class)
  ProblemDetail rejected(RegistrationRejectedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("登记信息不符合要求");
    return problem;
  }
}
