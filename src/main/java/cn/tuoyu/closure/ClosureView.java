package cn.tuoyu.closure;

import java.time.LocalDate;
import java.util.List;

/**
 * A closure case as clerks and supervisors read it ({@code GET /api/closures/{creditCode}}): the
 * decision, the barred persons by name and role (never ID numbers), deregistration, placement and
 * the announcement.
 */
public record ClosureView(
    String creditCode,
    String institutionName,
    String countyCode,
    String status,
    String statusLabel,
    int inspectionYear,
    String processInstanceId,
    String decisionNo,
    LocalDate decidedOn,
    String banKindLabel,
    List<Person> bannedPersons,
    String deregistrationAuthority,
    LocalDate deregisteredOn,
    String deregistrationDocumentNo,
    List<Placement> placements,
    LocalDate announcementDate,
    String announcementText) {

  public record Person(String name, String roleLabel, boolean lifetimeBan) {}

  public record Placement(String department, int childrenCount, String destination, String note) {}
}
