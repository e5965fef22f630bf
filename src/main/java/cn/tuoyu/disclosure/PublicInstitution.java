package cn.tuoyu.disclosure;

import cn.tuoyu.institution.InspectionResult;
import cn.tuoyu.institution.InstitutionNature;
import cn.tuoyu.institution.InstitutionStatus;
import java.time.LocalDate;

/**
 * One institution as published (信息公示). Only what is public anyway: the credit code, name,
 * address and registration facts. No legal representative, staff or ID numbers — this type has no
 * place for them, so they cannot slip into the public API.
 *
 * @param latestReviewYear year of the latest annual review with a result (年审), {@code null} if none
 * @param latestReviewResult its result after any rectification: 合格 / 不合格
 * @param closureAnnouncementDate for an institution closed after two failed reviews: the day the
 *     closure was announced (向社会公告); {@code null} otherwise
 * @param closureAnnouncement the text of that announcement
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
    String address,
    Integer latestReviewYear,
    InspectionResult latestReviewResult,
    String latestReviewResultLabel,
    LocalDate closureAnnouncementDate,
    String closureAnnouncement) {}
