package cn.tuoyu.inspection;

/**
 * 年度检查批次 (processes/inspection/InspectionCampaignProcess.bpmn): opens the annual inspection of
 * every filed institution of a scope, one chunk per job, the scope's slices side by side (a parallel
 * multi-instance sub-process). Business key {@code campaign-<year>-<county>}.
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
    /** The parallel multi-instance sub-process, one instance per slice. */
    public static final String SLICE = "SubProcess_Slice";
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
    /**
     * Integer: institutions of the scope whose inspection of the year is open, when the campaign was
     * registered and when it finished; while it runs, see {@link #SLICE_STARTED} and the API.
     */
    public static final String STARTED = "started";
    /** Integer: the number of slices the scope is cut into (multi-instance cardinality). */
    public static final String SLICES = "slices";
    /** Integer, per slice: the slice's number, the multi-instance's own loop counter. */
    public static final String SLICE = "loopCounter";
    /** Integer, local to a slice: inspections this run of the slice opened so far. */
    public static final String SLICE_STARTED = "sliceStarted";
    /** String, local to a slice: the last credit code the slice looked at; the next chunk goes on after it. */
    public static final String SLICE_AFTER = "sliceAfter";
    /** Boolean, local to a slice: the slice's last chunk found nothing more to start. */
    public static final String ALL_STARTED = "allStarted";

    private Variables() {}
  }

  private InspectionCampaignProcess() {}
}
