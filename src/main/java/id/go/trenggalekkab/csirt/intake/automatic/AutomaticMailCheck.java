package id.go.trenggalekkab.csirt.intake.automatic;

import id.go.trenggalekkab.csirt.mail.InboundMail;
import java.util.Optional;

/**
 * One question asked of every inbound message: was it sent by a machine rather than a
 * person? Mail that any check flags still becomes a ticket or follow-up, but is never
 * answered automatically (RFC 3834), so two robots cannot keep each other talking.
 * The checks run in {@link org.springframework.core.annotation.Order} order; the first
 * reason found is recorded.
 */
public interface AutomaticMailCheck {

    /** Why this mail is automatic, or empty where this check sees a person. */
    Optional<String> reason(InboundMail mail);
}
