package id.go.trenggalekkab.csirt.intake.mailbox;

import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one poll's messages are shared among the intake's lanes, which take mail in side by
 * side, each lane one transaction at a time in the order the mail arrived. Two messages of
 * the poll that could bear on each other always share a lane, in arrival order:
 * <ul>
 * <li>those that name one another or a common message (Message-ID, In-Reply-To,
 * References): a reply in the same poll as the report it answers must find that report's
 * ticket committed, and a second copy of one message must find the first;</li>
 * <li>those that carry one ticket tag in their subject: commands on one case are obeyed in
 * the order they came.</li>
 * </ul>
 * Whatever else two lanes do at once meets in the database, which orders it: a case's row
 * lock, the year's number row (numbers stay gapless, {@code TicketRepository#number}), the
 * acknowledgement limit's lock per mailbox, the logbook's chain. Only headers are read for
 * this, and only as keys: a message whose headers tie it to every other one (a forged
 * References list) puts the poll in one lane, which is slower, never wrong.
 */
final class IntakeLanes {

    /** The header fields the plan reads, fetched for the whole poll in one command. */
    static final List<String> FIELDS = List.of("MESSAGE-ID", "IN-REPLY-TO", "REFERENCES", "SUBJECT");

    /** Message-IDs read from one message's References: a long chain names its root first, and the rest adds nothing here. */
    static final int REFERENCES_READ = 100;

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,998}>");

    private IntakeLanes() {}

    /**
     * The poll's messages in at most {@code lanes} lanes, each in arrival (UID) order; related
     * messages (above) share one. A message whose headers are missing (gone from the folder
     * meanwhile) stands alone: reading it will say so.
     */
    static List<List<MailboxUid>> plan(List<MailboxUid> pending, Map<Long, byte[]> headers, int lanes) {
        List<MailboxUid> inOrder = pending.stream().sorted(Comparator.comparingLong(MailboxUid::uid)).toList();
        Related related = new Related(inOrder.size());
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < inOrder.size(); i++) {
            byte[] fields = headers.get(inOrder.get(i).uid());
            for (String key : fields == null ? Set.<String>of() : keys(fields)) {
                Integer first = firstWithKey.putIfAbsent(key, i);
                if (first != null) {
                    related.join(first, i);
                }
            }
        }
        // groups in the order of their first message; each to the lane with the least mail so far
        Map<Integer, List<MailboxUid>> groups = new LinkedHashMap<>();
        for (int i = 0; i < inOrder.size(); i++) {
            groups.computeIfAbsent(related.root(i), r -> new ArrayList<>()).add(inOrder.get(i));
        }
        List<List<MailboxUid>> planned = new ArrayList<>();
        for (int l = 0; l < Math.max(1, lanes); l++) {
            planned.add(new ArrayList<>());
        }
        for (List<MailboxUid> group : groups.values()) {
            planned.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(group);
        }
        planned.forEach(lane -> lane.sort(Comparator.comparingLong(MailboxUid::uid)));
        return planned.stream().filter(lane -> !lane.isEmpty()).toList();
    }

    /** What ties a message to others: the message ids it names, and the ticket tags in its subject. */
    static Set<String> keys(byte[] fields) {
        Set<String> keys = new LinkedHashSet<>();
        InternetHeaders parsed;
        try {
            parsed = new InternetHeaders(new ByteArrayInputStream(fields), true);
        } catch (MessagingException e) {
            return keys;
        }
        for (String name : List.of("Message-ID", "In-Reply-To", "References")) {
            String[] values = parsed.getHeader(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                Matcher id = MESSAGE_ID.matcher(value);
                for (int n = 0; n < REFERENCES_READ && id.find(); n++) {
                    keys.add("id:" + id.group().toLowerCase(Locale.ROOT));
                }
            }
        }
        String subject = parsed.getHeader("Subject", " ");
        if (subject != null) {
            TicketNumber.tagsIn(decoded(subject)).forEach(tag -> keys.add("tag:" + tag));
        }
        return keys;
    }

    private static String decoded(String subject) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(subject));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return subject;
        }
    }

    /** Which messages are related, through any chain of shared keys (union-find). */
    private static final class Related {
        private final int[] parent;

        Related(int size) {
            parent = new int[size];
            for (int i = 0; i < size; i++) {
                parent[i] = i;
            }
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void join(int a, int b) {
            int ra = root(a);
            int rb = root(b);
            if (ra != rb) {
                parent[Math.max(ra, rb)] = Math.min(ra, rb);
            }
        }
    }
}
