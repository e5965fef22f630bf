package cn.tuoyu.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.inspection.InspectionDemoData.DemoInspection;
import cn.tuoyu.inspection.InspectionDemoData.DemoState;
import cn.tuoyu.institution.CreditCode;
import cn.tuoyu.institution.IdNumber;
import cn.tuoyu.institution.StaffRole;
import cn.tuoyu.registration.FilingRequest;
import cn.tuoyu.registration.RegistrationDemoData;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fixed inspection demo data is complete and valid, without starting anything. */
class InspectionDemoDataTest {

  private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void everyStateOnceAtLeastInTheThreeDemoCountiesOnFiledInstitutions() {
    assertThat(InspectionDemoData.inspections()).extracting(DemoInspection::state)
        .containsAll(Set.of(DemoState.values()));
    assertThat(InspectionDemoData.inspections()).extracting(DemoInspection::county)
        .containsAll(InspectionDemoData.COUNTIES).isSubsetOf(InspectionDemoData.COUNTIES);
    assertThat(InspectionDemoData.inspections()).extracting(DemoInspection::creditCode).doesNotHaveDuplicates();
    assertThat(InspectionDemoData.inState(DemoState.CLOSURE)).singleElement()
        .extracting(DemoInspection::creditCode).isEqualTo(InspectionDemoData.closureCreditCode());
  }

  @Test
  void theClosureInstitutionIsItsOwnAndItsFilingIsValid() {
    String code = InspectionDemoData.closureCreditCode();
    assertThat(CreditCode.isValid(code)).isTrue();
    assertThat(CreditCode.parse(code).divisionCode()).isEqualTo("610602");
    assertThat(RegistrationDemoData.creditCodes()).doesNotContain(code);

    FilingRequest filing = InspectionDemoData.closureFiling();
    assertThat(VALIDATOR.validate(filing)).isEmpty();
    assertThat(filing.staff()).extracting(FilingRequest.Staff::idNumber).doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(IdNumber.isValid(id)).as(id).isTrue());
    assertThat(filing.staff()).filteredOn(s -> s.role() == StaffRole.PRINCIPAL).hasSize(1);
    assertThat(filing.staff()).allSatisfy(s -> assertThat(s.certificatesOrEmpty()).isNotEmpty());
  }
}
