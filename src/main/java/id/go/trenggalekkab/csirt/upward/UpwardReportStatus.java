package id.go.trenggalekkab.csirt.upward;

import java.time.Instant;
import java.util.List;

/**
 * Where a case stands with its report upward, for the API and the case page.
 *
 * @param vitalSystems  the systems marked vital its indicators name; empty for none
 * @param deadline      the 1x24-hour deadline, for a case on a vital system; else null
 * @param noticesSent   0 none, 1 the reminder, n the reminder and n-1 escalations
 * @param sentAt        null until #lapor-bssn
 */
public record UpwardReportStatus(boolean highPriority, List<String> vitalSystems, Instant deadline, int noticesSent,
                                 Instant draftMailedAt, Instant sentAt, String sentBy, int timesSent) {

    /** For people, in Indonesian: why the case owes the report. */
    public String reasonInIndonesian() {
        String vital = vitalSystems.isEmpty() ? "" : "sistem vital " + String.join(", ", vitalSystems);
        return highPriority && !vital.isEmpty() ? "prioritas tinggi, " + vital : highPriority ? "prioritas tinggi" : vital;
    }
}
