package id.go.trenggalekkab.csirt.logbook;

/**
 * What a logbook entry records. Mail the desk sends is recorded with {@link MailStage}s
 * instead, named after the mail's kind ({@code CASE_FILE_QUEUED}).
 */
public enum LogbookEvent {
    // intake (SOP steps 1-3)
    MESSAGE_RECEIVED,
    MESSAGE_DUPLICATE,
    TICKET_CREATED,
    FOLLOW_UP_ADDED,
    MESSAGE_QUARANTINED,
    /** A quarantined message taken in again on request: who asked and what became of it. */
    QUARANTINE_REPLAYED,
    // the workflow (steps 4-12)
    COMMAND_APPLIED,
    COMMAND_REFUSED,
    /** A command mail that failed sender authentication: not executed, officers alerted. */
    SECURITY_EVENT,
    NON_PARTICIPANT_MESSAGE,
    /** An officer's words sent to the reporter (#balas, #tanya); the actor is the officer, the detail the text. */
    MESSAGE_TO_REPORTER,
    /** Another report of this case's incident merged into it (#gabung), or split off again (#pisah). */
    CASE_LINKED,
    CASE_UNLINKED,
    /** The reporter answered an officer's question: the wait it ended, and how long it was. */
    REPORTER_ANSWERED,
    /** A reply from TTIS or APH on their case, without commands: their report. */
    HANDLER_REPORT,
    /** Such a reply that failed sender authentication: kept, never part of the final report. */
    HANDLER_REPORT_UNAUTHENTICATED,
    /** APH's first answer on the thread, which completes step 7. */
    APH_CONFIRMED,
    RECIPIENT_UNDELIVERABLE,
    DELIVERY_DELAYED,
    // time standards
    SLA_REMINDER,
    SLA_ESCALATION,
    // sharing (#bagikan): what became of the push to the team's MISP instance
    SHARED_WITH_MISP,
    NOT_SHARED_WITH_MISP,
    // the report upward (BSSN regulation 1/2024, art. 15)
    /** The case owes a report upward: a high priority, or a vital system named (with its 1x24-hour deadline). */
    UPWARD_REPORT_DUE,
    REPORTED_UPWARD,
    UPWARD_DEADLINE_REMINDER,
    UPWARD_DEADLINE_ESCALATION,
    /** No indicator names a vital system any more: the deadline no longer runs. */
    UPWARD_DEADLINE_STOPPED,
    // the directory
    DIRECTORY_LOADED,
    DIRECTORY_REFUSED,
    // the web view
    SIGNED_IN,
    SIGN_IN_REFUSED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED
}
