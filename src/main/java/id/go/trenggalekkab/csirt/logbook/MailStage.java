package id.go.trenggalekkab.csirt.logbook;

/** What became of one mail the desk meant to send; logged as {@code <KIND>_<STAGE>}. */
public enum MailStage {
    /** Written to the outbox in the transaction of the change that caused it. */
    QUEUED,
    /** Not written at all, and why (automatic mail, no usable address, rate limit). */
    SUPPRESSED,
    /** Accepted by the SMTP server. */
    SENT,
    /** The SMTP server was unavailable, or the recipient's server deferred it (4xx); kept and retried. */
    DELAYED,
    /** Refused by the SMTP server (5xx); retried alone. */
    REJECTED,
    /** Given up after bounded attempts. */
    FAILED
}
