package id.go.trenggalekkab.csirt.workflow;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who is believed when a mail commands ({@code csirt.commands.*}).
 *
 * @param authservId            the authserv-id the desk's own mail server writes in Authentication-Results
 * @param requireAuthentication obey commands only with DKIM or DMARC pass for the sender's domain
 * @param ownReceived           patterns recognising the Received header fields the desk's own mail
 *                              servers add; an Authentication-Results field below any other Received
 *                              field was written before the mail reached them, and is not believed.
 *                              Empty: those whose {@code by} names the authserv-id.
 */
@Validated
@ConfigurationProperties(prefix = "csirt.commands")
public record CommandProperties(@NotBlank String authservId, boolean requireAuthentication, List<String> ownReceived) {

    public CommandProperties {
        ownReceived = ownReceived == null ? List.of() : ownReceived.stream().filter(p -> !p.isBlank()).toList();
    }
}
