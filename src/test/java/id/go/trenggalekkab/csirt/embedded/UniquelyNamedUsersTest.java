package id.go.trenggalekkab.csirt.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.trenggalekkab.csirt.support.TestMail;
import id.go.trenggalekkab.csirt.support.TestServers;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GreenMail named each user's mailbox after the address's {@code String.hashCode()}: the
 * second of two addresses with one hash got no mailbox and every mail to it was refused
 * with 451 for the rest of the server's life (a CI run lost a test to it). "Aa" and "BB"
 * hash alike, so these two reporters collide in GreenMail's own scheme.
 */
class UniquelyNamedUsersTest {

    @Test
    void twoAddressesWithOneHashCodeEachGetTheirOwnMail() throws Exception {
        String domain = "@hash-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String first = "pelapor-Aa" + domain;
        String second = "pelapor-BB" + domain;
        assertThat(first.hashCode()).as("the two addresses collide in GreenMail's naming").isEqualTo(second.hashCode());

        send(first, "Untuk yang pertama");
        send(second, "Untuk yang kedua");

        assertThat(TestMail.inboxOf(first)).extracting(raw -> TestMail.subjectOf(TestMail.parse(raw)))
                .containsExactly("Untuk yang pertama");
        assertThat(TestMail.inboxOf(second)).extracting(raw -> TestMail.subjectOf(TestMail.parse(raw)))
                .containsExactly("Untuk yang kedua");
    }

    @Test
    void aUserDeletedAndCreatedAgainStartsWithAnEmptyMailbox() throws Exception {
        String address = TestMail.uniqueAddress("dihapus");
        send(address, "Sebelum dihapus");
        var users = TestServers.greenMail().getUserManager();
        users.deleteUser(users.getUserByEmail(address));
        assertThat(users.hasUser(address)).isFalse();

        send(address, "Sesudah dihapus");
        assertThat(TestMail.inboxOf(address)).extracting(raw -> TestMail.subjectOf(TestMail.parse(raw)))
                .isEqualTo(List.of("Sesudah dihapus"));
    }

    private static void send(String to, String subject) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage message = new MimeMessage(session);
        message.setFrom("csirt@trenggalekkab.go.id");
        message.setSubject(subject);
        message.setText("Isi pesan.");
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect("127.0.0.1", TestServers.smtpPort(), null, null);
            transport.sendMessage(message, new Address[] {new InternetAddress(to)});
        }
    }
}
