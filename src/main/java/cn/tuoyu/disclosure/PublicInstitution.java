package cn.tuoyu.disclosure;

import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionStatus;
import java.time.LocalDate;

/**
 * One institution as published (信息公示). Only what is public anyway: the credit code, name,
 * address and registration facts. No legal representative, staff or ID numbers — this type has no
 * place for them, so they cannot slip into the public API.
 */
public record PublicInstitution(
    String creditCode,
    String name,
    String countyCode,
    String countyName,
    InstitutionNature nature,
    String natureLabel,
    boolean inclusive,
    InstitutionStatus status,
    String statusLabel,
    PublicFilingStatus filingStatus,
    String filingStatusLabel,
    LocalDate filedAt,
    String filingReceiptNo,
    int totalCapacity,
    String address) {}
