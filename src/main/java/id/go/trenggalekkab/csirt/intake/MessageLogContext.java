package id.go.trenggalekkab.csirt.intake;

import org.slf4j.MDC;

/**
 * Every log line about a message carries its SHA-256 and, once known, its ticket, as MDC
 * keys: structured logs (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs or logstash) show them as
 * fields, so an operator can follow one mail through the log by either.
 */
public final class MessageLogContext {

    public static final String SHA256 = "csirt.message.sha256";
    public static final String TICKET = "csirt.ticket";

    private MessageLogContext() {}

    /** A message is being read: its hash; no ticket yet. */
    static void reading(String sha256) {
        MDC.remove(TICKET);
        MDC.put(SHA256, sha256);
    }

    static void onTicket(String number) {
        MDC.put(TICKET, number);
    }

    /** The poll is over: the next lines on this thread are about no message. */
    public static void done() {
        MDC.remove(SHA256);
        MDC.remove(TICKET);
    }
}
