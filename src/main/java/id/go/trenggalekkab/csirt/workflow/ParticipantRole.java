package id.go.trenggalekkab.csirt.workflow;

/** Why an address belongs to a case (table {@code participant}). */
public enum ParticipantRole {
    /** Wrote the report. */
    REPORTER,
    /** Copied (To, Cc) on the report. */
    COPIED,
    /** Handed the case file in step 6. */
    TTIS,
    APH,
    /** A CSIRT the report upward went to (#lapor-bssn): its answers are kept on the case, never obeyed. */
    UPWARD_CSIRT,
    /** The reporter of a case merged into this one: they follow this case's notices. */
    LINKED_REPORTER
}
