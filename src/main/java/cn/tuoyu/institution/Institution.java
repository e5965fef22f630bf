package cn.tuoyu.institution;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One row of the institution registry. */
public record Institution(
    String creditCode,
    String name,
    InstitutionNature nature,
    boolean inclusive,
    String countyCode,
    String address,
    String legalRepresentative,
    int capacityInfant,
    int capacityToddlerSmall,
    int capacityToddlerLarge,
    BigDecimal monthlyFee,
    String registrationAuthority,
    String supervisoryDepartment,
    OffsetDateTime approvedAt,
    InstitutionStatus status,
    boolean filingOverdue,
    OffsetDateTime filedAt,
    String filingReceiptNo) {

  public int totalCapacity() {
    return capacityInfant + capacityToddlerSmall + capacityToddlerLarge;
  }
}
