package cn.tuoyu.registration;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.IdNumber;
import cn.tuoyu.institution.StaffRole;
import cn.tuoyu.registration.RegistrationDemoData.DemoCase;
import cn.tuoyu.registration.RegistrationDemoData.DemoState;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fixed demo data is valid and the same on every run, without starting anything. */
class RegistrationDemoDataTest {

  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
  private static final Set<DemoState> FILED_AT_LEAST_ONCE = Set.of(DemoState.UNDER_REVIEW, DemoState.RETURNED,
      DemoState.REJECTED, DemoState.FILED);

  @Test
  void creditCodesAreValidUniqueAndCarryTheCounty() {
    List<String> codes = RegistrationDemoData.creditCodes();
    assertThat(codes).hasSizeGreaterThanOrEqualTo(28).doesNotHaveDuplicates();
    for (DemoCase c : RegistrationDemoData.cases()) {
      assertThat(CreditCode.isValid(c.creditCode())).as(c.creditCode()).isTrue();
      assertThat(CreditCode.parse(c.creditCode()).divisionCode()).isEqualTo(c.county());
      assertThat(c.name()).startsWith(c.countyName());
      assertThat(c.address()).contains(c.countyName());
    }
    assertThat(RegistrationDemoData.cases()).extracting(DemoCase::name).doesNotHaveDuplicates();
    assertThat(RegistrationDemoData.cases()).extracting(DemoCase::state).containsAll(Set.of(DemoState.values()));
  }

  @Test
  void registrationsAndFilingsPassTheRequestValidation() {
    for (DemoCase c : RegistrationDemoData.cases()) {
      assertThat(VALIDATOR.validate(RegistrationDemoData.registration(c, LocalDate.of(2026, 3, 2))))
          .as(c.name()).isEmpty();
      if (FILED_AT_LEAST_ONCE.contains(c.state())) {
        for (boolean withDefect : List.of(true, false)) {
          FilingRequest filing = RegistrationDemoData.filing(c, withDefect);
          assertThat(VALIDATOR.validate(filing)).as(c.name()).isEmpty();
          assertThat(filing.staff()).as(c.name()).hasSizeBetween(6, 15);
          assertThat(filing.staff()).extracting(FilingRequest.Staff::name).doesNotHaveDuplicates();
          assertThat(filing.staff()).allSatisfy(s -> assertThat(IdNumber.isValid(s.idNumber())).isTrue());
        }
      }
    }
  }

  @Test
  void staffListsAreTheSameOnEveryRunAndMostlyCertified() {
    Set<String> ids = new HashSet<>();
    int staff = 0;
    int certified = 0;
    for (DemoCase c : RegistrationDemoData.cases()) {
      if (FILED_AT_LEAST_ONCE.contains(c.state())) {
        FilingRequest filing = RegistrationDemoData.filing(c, false);
        assertThat(RegistrationDemoData.filing(c, false)).isEqualTo(filing);
        for (FilingRequest.Staff s : filing.staff()) {
          ids.add(s.idNumber());
          staff++;
          certified += s.certificatesOrEmpty().isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(ids).as("nobody works in two demo institutions").hasSize(staff);
    assertThat(certified * 100 / staff).isGreaterThanOrEqualTo(90);
  }

  @Test
  void guardsHoldNoChildcareCertificateAndALowRateIsBelowTheTarget() {
    for (DemoCase c : RegistrationDemoData.cases()) {
      if (FILED_AT_LEAST_ONCE.contains(c.state())) {
        assertThat(RegistrationDemoData.filing(c, false).staff())
            .filteredOn(s -> s.role() == StaffRole.SECURITY)
            .allSatisfy(s -> assertThat(s.certificatesOrEmpty()).isEmpty());
      }
      if (c.defect() == RegistrationDemoData.Defect.LOW_CERTIFICATION) {
        List<FilingRequest.Staff> staff = RegistrationDemoData.filing(c, true).staff();
        long certified = staff.stream().filter(s -> !s.certificatesOrEmpty().isEmpty()).count();
        assertThat(certified * 100.0 / staff.size()).isLessThan(FilingService.CERTIFICATION_TARGET);
      }
    }
  }

  @Test
  void blacklistedPeopleHaveValidIdNumbersAndOneIsBannedForLife() {
    List<RegistrationDemoData.ListedPerson> listed = List.of(RegistrationDemoData.LIFETIME_BAN,
        RegistrationDemoData.FIVE_YEAR_BAN, RegistrationDemoData.EXPIRED_BAN);
    assertThat(listed).allSatisfy(p -> assertThat(IdNumber.isValid(p.idNumber())).isTrue());
    assertThat(listed).filteredOn(RegistrationDemoData.ListedPerson::lifetimeBan).hasSize(1);
    assertThat(RegistrationDemoData.cases()).filteredOn(c -> c.state() == DemoState.UNDER_REVIEW && c.listed() != null)
        .extracting(DemoCase::county).contains("610602");
  }
}
