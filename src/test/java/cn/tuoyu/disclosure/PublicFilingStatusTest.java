package cn.tuoyu.disclosure;

import static cn.tuoyu.institution.InstitutionStatus.FILED;
import static cn.tuoyu.institution.InstitutionStatus.FILING_REJECTED;
import static cn.tuoyu.institution.InstitutionStatus.PUSHED;
import static cn.tuoyu.institution.InstitutionStatus.REGISTERED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tuoyu.institution.InstitutionStatus;

import org.junit.jupiter.api.Test;

class PublicFilingStatusTest {

  @Test
  void filedWinsOverEverythingElse() {
    assertThat(PublicFilingStatus.of(FILED, false, true).label()).isEqualTo("已备案");
    assertThat(PublicFilingStatus.of(FILED, false, false)).isEqualTo(PublicFilingStatus.FILED);
    // a filing date stays a fact after later status changes
    assertThat(PublicFilingStatus.of(PUSHED, true, true)).isEqualTo(PublicFilingStatus.FILED);
  }

  @Test
  void rejectedThenOverdueThenNotFiled() {
    assertThat(PublicFilingStatus.of(FILING_REJECTED, true, false).label()).isEqualTo("不予备案");
    assertThat(PublicFilingStatus.of(PUSHED, true, false).label()).isEqualTo("逾期未备案");
    assertThat(PublicFilingStatus.of(REGISTERED, true, false).label()).isEqualTo("逾期未备案");
    assertThat(PublicFilingStatus.of(REGISTERED, false, false).label()).isEqualTo("未备案");
  }

  @Test
  void aClosedInstitutionKeepsItsFilingFact() {
    assertThat(PublicFilingStatus.of(InstitutionStatus.DEREGISTERED, false, true)).isEqualTo(PublicFilingStatus.FILED);
    assertThat(PublicFilingStatus.of(InstitutionStatus.CLOSED, false, false)).isEqualTo(PublicFilingStatus.NOT_FILED);
    assertThat(InstitutionStatus.CLOSED.label()).isEqualTo("已关闭");
    assertThat(InstitutionStatus.DEREGISTERED.label()).isEqualTo("已注销");
  }

  @Test
  void likePatternsMatchLiterally() {
    assertThat(DisclosureRepository.escapeLike("100%_托育\\")).isEqualTo("100\\%\\_托育\\\\");
  }
}
