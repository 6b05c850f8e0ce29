package id.go.trenggalekkab.csirt.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's judgement: a 5xx about this mail or its recipient (back off this mail
 * alone, give it up after bounded attempts), a 4xx to one recipient (back off this mail
 * alone, for days), against a server that is away or busy (the whole outbox waits, so
 * mail leaves in order when it returns).
 */
class OutboxRejectionTest {

    @Test
    void aPermanentRefusalOfTheRecipientOrTheMailIsARejection() throws Exception {
        Address nobody = new InternetAddress("nobody@example.org");
        assertThat(OutboxDispatcher.isRejection(new SendFailedException("refused", new SMTPAddressFailedException(
                (InternetAddress) nobody, "RCPT TO", 550, "5.1.1 no such user")))).isTrue();
        assertThat(OutboxDispatcher.isRejection(new SMTPSendFailedException("DATA", 554, "5.7.1 rejected", null,
                null, null, null))).isTrue();
        assertThat(OutboxDispatcher.isRejection(new SendFailedException("invalid", null, new Address[0],
                new Address[0], new Address[] {nobody}))).isTrue();
    }

    @Test
    void aServerThatWillNotTakeTheDesksMailAtAllIsNot() throws Exception {
        assertThat(OutboxDispatcher.isRejection(new SMTPSendFailedException("MAIL FROM", 530,
                "5.7.0 Must issue a STARTTLS command first", null, null, null, null))).isFalse();
        assertThat(OutboxDispatcher.isRejection(new SMTPSendFailedException("MAIL FROM", 535,
                "5.7.8 Authentication credentials invalid", null, null, null, null))).isFalse();
        assertThat(OutboxDispatcher.refusesTheDesk(new MessagingException("send", new SMTPSendFailedException("MAIL FROM",
                530, "5.7.0 Authentication required", null, null, null, null)))).isTrue();
    }

    @Test
    void aServerThatIsAwayOrBusyIsNot() throws Exception {
        assertThat(OutboxDispatcher.isRejection(new MessagingException("connect", new ConnectException("refused"))))
                .isFalse();
        assertThat(OutboxDispatcher.isRejection(new SMTPSendFailedException("DATA", 451, "4.3.0 try later", null,
                null, null, null))).isFalse();
        assertThat(OutboxDispatcher.isRejection(new SendFailedException("refused", new SMTPAddressFailedException(
                new InternetAddress("busy@example.org"), "RCPT TO", 452, "4.2.2 mailbox full")))).isFalse();
        assertThat(OutboxDispatcher.isRecipientDeferral(new SMTPSendFailedException("DATA", 451, "4.3.0 try later", null,
                null, null, null))).as("a 4xx to DATA is the server's").isFalse();
        assertThat(OutboxDispatcher.isRecipientDeferral(new MessagingException("connect", new ConnectException("refused"))))
                .isFalse();
    }

    @Test
    void aTemporaryRefusalOfOneRecipientIsThatMailsAlone() throws Exception {
        assertThat(OutboxDispatcher.isRecipientDeferral(new SendFailedException("refused", new SMTPAddressFailedException(
                new InternetAddress("busy@example.org"), "RCPT TO", 452, "4.2.2 mailbox full")))).isTrue();
        assertThat(OutboxDispatcher.isRecipientDeferral(new SendFailedException("refused", new SMTPAddressFailedException(
                new InternetAddress("new@example.org"), "RCPT TO", 450, "4.2.0 Greylisted, try again later")))).isTrue();
        assertThat(OutboxDispatcher.isRecipientDeferral(new SendFailedException("refused", new SMTPAddressFailedException(
                new InternetAddress("nobody@example.org"), "RCPT TO", 550, "5.1.1 no such user")))).isFalse();
    }
}
