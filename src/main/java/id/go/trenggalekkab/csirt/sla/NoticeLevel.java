package id.go.trenggalekkab.csirt.sla;

/**
 * Which notice of an overdue step: the reminder at the deadline (level 0), or escalation
 * number n to the supervisors. Stored as {@code REMINDER} or {@code ESCALATION_n}.
 */
public record NoticeLevel(int escalation) {

    public static final NoticeLevel REMINDER = new NoticeLevel(0);

    public NoticeLevel {
        if (escalation < 0) {
            throw new IllegalArgumentException("no escalation " + escalation);
        }
    }

    public static NoticeLevel escalation(int n) {
        return new NoticeLevel(n);
    }

    public boolean isReminder() {
        return escalation == 0;
    }

    /** As stored in {@code sla_notice.level}. */
    public String stored() {
        return isReminder() ? "REMINDER" : "ESCALATION_" + escalation;
    }

    /** For people: "pengingat", "eskalasi ke-2". */
    public String forPeople() {
        return isReminder() ? "pengingat" : "eskalasi ke-" + escalation;
    }
}
