package cn.tuoyu.registration;

/**
 * Field names of a registration, shared by the REST request, the Tasklist start form
 * (RegistrationStartForm) and the record delegate. Except for the first four, they are removed
 * from the process once the registry holds them.
 */
public final class RegistrationFields {

  public static final String CREDIT_CODE = RegistrationFilingProcess.Variables.CREDIT_CODE;
  public static final String COUNTY = RegistrationFilingProcess.Variables.COUNTY;
  public static final String APPROVED_AT = RegistrationFilingProcess.Variables.APPROVED_AT;
  public static final String SUPERVISORY_DEPARTMENT = "supervisoryDepartment";
  public static final String INSTITUTION_NAME = "institutionName";
  public static final String NATURE = "nature";
  public static final String INCLUSIVE = "inclusive";
  public static final String ADDRESS = "address";
  public static final String LEGAL_REPRESENTATIVE = "legalRepresentative";
  public static final String CAPACITY_INFANT = "capacityInfant";
  public static final String CAPACITY_TODDLER_SMALL = "capacityToddlerSmall";
  public static final String CAPACITY_TODDLER_LARGE = "capacityToddlerLarge";
  public static final String MONTHLY_FEE = "monthlyFee";

  /** Form data that moves into the registry and leaves the process. */
  static final String[] MOVED_TO_REGISTRY = {SUPERVISORY_DEPARTMENT, INSTITUTION_NAME, NATURE, INCLUSIVE,
      ADDRESS, LEGAL_REPRESENTATIVE, CAPACITY_INFANT, CAPACITY_TODDLER_SMALL, CAPACITY_TODDLER_LARGE, MONTHLY_FEE};

  private RegistrationFields() {}
}
