package id.go.trenggalekkab.csirt.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The desk's own settings ({@code csirt.*}). Environment variables feed them through
 * {@code application.yml}; the README lists every variable.
 */
@Validated
@ConfigurationProperties(prefix = "csirt")
public record CsirtProperties(
        @NotBlank @Email String deskAddress,
        @NotBlank String deskName,
        @Valid Imap imap,
        @Valid Acknowledgement acknowledgement,
        @Valid Outbox outbox) {

    /** The mailbox the desk watches. */
    public record Imap(
            @NotBlank String url,
            @NotBlank String user,
            String password,
            @NotBlank String folder,
            @NotBlank String processedFolder,
            @NotBlank String quarantineFolder,
            @Min(1) int maxMessagesPerPoll,
            @Min(1) int intakeLanes,
            String sslBundle) {}

    /** RFC 3834 courtesy: how many acknowledgements one sender may receive per hour. */
    public record Acknowledgement(@Min(0) int maxPerSenderPerHour) {}

    /** How the outbox retries mail the SMTP server did not take. */
    public record Outbox(
            @Min(1) int batchSize,
            Duration initialBackoff,
            Duration maxBackoff,
            @Min(1) int maxAttemptsForRejected,
            Duration giveUpDeferredAfter) {}

    public String deskDomain() {
        return deskAddress.substring(deskAddress.indexOf('@') + 1);
    }
}
