package cn.tuoyu.inspection;

/**
 * 年度检查批次 (processes/inspection/InspectionCampaignProcess.bpmn): opens the annual inspection of
 * every filed institution of a scope, one chunk per job. Business key {@code campaign-<year>-<county>}.
 */
public final class InspectionCampaignProcess {

  public static final String KEY = "InspectionCampaignProcess";

  /** The division code of the whole city: a campaign with this scope covers every county. */
  public static final String CITY = "610600";

  public static String businessKey(int year, String county) {
    return "campaign-" + year + "-" + county;
  }

  /** Element ids. */
  public static final class Elements {
    public static final String START = "StartEvent_CampaignRequested";
    public static final String REGISTER_CAMPAIGN = "Task_RegisterCampaign";
    public static final String START_CHUNK = "Task_StartInspectionChunk";
    public static final String ALL_STARTED = "Gateway_AllStarted";
    public static final String FINISH_CAMPAIGN = "Task_FinishCampaign";
    public static final String END_COMPLETED = "EndEvent_CampaignCompleted";

    private Elements() {}
  }

  /** Process variables. */
  public static final class Variables {
    /** The scope: a county division code, or {@link #CITY}; also the tenant. */
    public static final String COUNTY = "county";
    /** Integer: the year to inspect. */
    public static final String YEAR = "inspectionYear";
    /** Integer: filed institutions in scope when the campaign was registered. */
    public static final String TOTAL = "total";
    /** Integer: institutions of the scope whose inspection of the year is open. */
    public static final String STARTED = "started";
    /** Boolean: the last chunk found nothing more to start. */
    public static final String ALL_STARTED = "allStarted";

    private Variables() {}
  }

  private InspectionCampaignProcess() {}
}
