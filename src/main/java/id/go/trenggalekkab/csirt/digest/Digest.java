package id.go.trenggalekkab.csirt.digest;

import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The week in figures, for the Kadis: what came in and what was decided, what is open and
 * where, how each SOP step kept its time standard, what is late, and by category.
 * Times are WIB.
 */
public record Digest(
        OffsetDateTime from,
        OffsetDateTime to,
        long received,
        long verified,
        long notIncidents,
        long closed,
        Map<String, Map<String, Long>> openByStepAndPriority,
        List<StepTimeliness> timeliness,
        List<Overdue> overdue,
        Map<String, Long> receivedByCategory,
        List<OpenCase> openCases,
        ReporterWaiting waitingOnReporters,
        long merged,
        ReportsUpward reportsUpward) {

    /** The key of open cases without a priority yet, beside HIGH, MEDIUM and LOW. */
    public static final String NO_PRIORITY = "NONE";

    /** The timeliness line of SOP steps 1-3 together, which the machine performs. */
    public static final String INTAKE = "INTAKE";

    /** Of the step visits completed in the period: how many met the standard, and the median time taken. */
    public record StepTimeliness(String step, long completed, long met, double metShare, long medianMinutes) {}

    public record Overdue(String ticket, String subject, String step, OffsetDateTime deadline, long minutesLate) {

        public String tag() {
            return TicketNumber.parse(ticket).tag();
        }
    }

    /**
     * Time the desk spent waiting for reporters' answers (#tanya), apart from the steps' own
     * times: questions asked in the period, minutes of waiting within it, cases still waiting.
     */
    public record ReporterWaiting(long questions, long minutesWaited, long stillWaiting) {}

    /**
     * The report upward (BSSN regulation 1/2024): sent in the period, of those how many after
     * their vital system's 1x24 hours, and, as of the period's end, how many are owed and not
     * sent (a high priority or a vital system), of those how many past their deadline.
     */
    public record ReportsUpward(long sent, long sentLate, long owed, long owedOverdue) {}

    /** @param linked the cases merged into this one (#gabung): other reports of the same incident */
    public record OpenCase(String ticket, String tag, String subject, String step, String priority, List<String> linked) {}
}
