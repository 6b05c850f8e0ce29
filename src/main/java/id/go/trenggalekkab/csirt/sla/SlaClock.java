package id.go.trenggalekkab.csirt.sla;

/** How a step's time standard is counted. */
public enum SlaClock {
    /** Every minute counts, nights and holidays too: the SOP's own reading. */
    CALENDAR,
    /** Only working hours on working days in WIB, holidays excluded, as ticket systems' SLA calendars do. */
    WORKING_HOURS
}
