package id.go.trenggalekkab.csirt.intake.mailbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * The IMAP commands the intake sends, each addressing messages by UID only (RFC 3501
 * UID FETCH/STORE/COPY/SEARCH, RFC 6851 UID MOVE, RFC 4315 UID EXPUNGE). Jakarta Mail's
 * message objects address messages by sequence number, which another client's expunge
 * shifts under the desk; these commands go to the protocol directly.
 *
 * <p>Each command's untagged responses it does not consume (EXPUNGE, EXISTS, another
 * client's flag changes) are handed on to the folder, as Jakarta Mail's own commands do.
 */
final class UidCommands {

    private UidCommands() {}

    /** UIDs matching the search, lowest (oldest) first. */
    static long[] search(IMAPProtocol protocol, String criteria) throws ProtocolException {
        Response[] responses = protocol.command("UID SEARCH " + criteria, null);
        Response result = responses[responses.length - 1];
        List<Long> uids = new ArrayList<>();
        if (result.isOK()) {
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] instanceof IMAPResponse response && response.keyEquals("SEARCH")) {
                    for (long uid = response.readLong(); uid != -1; uid = response.readLong()) {
                        uids.add(uid);
                    }
                    responses[i] = null;
                }
            }
        }
        protocol.notifyResponseHandlers(responses);
        protocol.handleResult(result);
        return uids.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /**
     * Up to {@code length} bytes of the message's full text from {@code offset} (RFC 3501
     * partial BODY.PEEK[], which leaves \Seen alone), or null where no message has this UID
     * any more: another client moved or deleted it.
     */
    static byte[] fetch(IMAPProtocol protocol, long uid, long offset, int length) throws ProtocolException {
        return bodies(protocol, "UID FETCH " + uid + " (UID BODY.PEEK[]<" + offset + "." + length + ">)").get(uid);
    }

    /**
     * The named header fields of each message, by UID, in one command (BODY.PEEK, which leaves
     * \Seen alone); a UID no longer in the folder is simply absent from the answer.
     */
    static Map<Long, byte[]> headerFields(IMAPProtocol protocol, long[] uids, List<String> fields)
            throws ProtocolException {
        if (uids.length == 0) {
            return Map.of();
        }
        return bodies(protocol, "UID FETCH " + uidSet(uids) + " (UID BODY.PEEK[HEADER.FIELDS ("
                + String.join(" ", fields) + ")])");
    }

    /** The body section each FETCH response of the command carries, by its UID. */
    private static Map<Long, byte[]> bodies(IMAPProtocol protocol, String command) throws ProtocolException {
        Response[] responses = protocol.command(command, null);
        Response result = responses[responses.length - 1];
        Map<Long, byte[]> bodies = new HashMap<>();
        if (result.isOK()) {
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] instanceof FetchResponse fetch) {
                    UID fetchedUid = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (fetchedUid != null && body != null) {
                        ByteArray data = body.getByteArray();
                        bodies.put(fetchedUid.uid, data == null ? new byte[0]
                                : Arrays.copyOfRange(data.getBytes(), data.getStart(), data.getStart() + data.getCount()));
                        responses[i] = null;
                    }
                }
            }
        }
        protocol.notifyResponseHandlers(responses);
        protocol.handleResult(result);
        return bodies;
    }

    /** RFC 6851: the messages leave this folder for {@code target} in one command. */
    static void move(IMAPProtocol protocol, long[] uids, String target) throws ProtocolException {
        simple(protocol, "UID MOVE " + uidSet(uids), mailboxName(protocol, target));
    }

    static void copy(IMAPProtocol protocol, long[] uids, String target) throws ProtocolException {
        simple(protocol, "UID COPY " + uidSet(uids), mailboxName(protocol, target));
    }

    static void flagDeleted(IMAPProtocol protocol, long[] uids) throws ProtocolException {
        simple(protocol, "UID STORE " + uidSet(uids) + " +FLAGS.SILENT (\\Deleted)", null);
    }

    /** RFC 4315: expunges these messages only, never what a person flagged \Deleted. */
    static void expunge(IMAPProtocol protocol, long[] uids) throws ProtocolException {
        simple(protocol, "UID EXPUNGE " + uidSet(uids), null);
    }

    private static void simple(IMAPProtocol protocol, String command, Argument arguments) throws ProtocolException {
        Response[] responses = protocol.command(command, arguments);
        protocol.notifyResponseHandlers(responses);
        protocol.handleResult(responses[responses.length - 1]);
    }

    /** A UID set in its shortest form: 3:7,9,12:13. */
    static String uidSet(long[] uids) {
        long[] sorted = Arrays.stream(uids).sorted().distinct().toArray();
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
                j++;
            }
            if (set.length() > 0) {
                set.append(',');
            }
            set.append(sorted[i]);
            if (j > i) {
                set.append(':').append(sorted[j]);
            }
            i = j;
        }
        return set.toString();
    }

    /** As Jakarta Mail writes a mailbox name: UTF-8 where the server accepts it, else modified UTF-7. */
    private static Argument mailboxName(IMAPProtocol protocol, String name) {
        Argument argument = new Argument();
        if (protocol.supportsUtf8()) {
            argument.writeString(name, StandardCharsets.UTF_8);
        } else {
            argument.writeString(BASE64MailboxEncoder.encode(name));
        }
        return argument;
    }
}
