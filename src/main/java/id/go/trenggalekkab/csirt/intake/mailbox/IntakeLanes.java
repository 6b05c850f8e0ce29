package id.go.trenggalekkab.csirt.intake.mailbox;

import id.go.trenggalekkab.csirt.ticket.TicketNumber;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one poll's messages are shared among the intake's lanes, which take mail in side by
 * side, each lane one transaction at a time in the order the mail arrived. Two messages of
 * the poll that could bear on each other are in one group, which one lane takes whole, in
 * arrival order:
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
     * The poll's messages in groups of related mail (above), each group in arrival (UID)
     * order, the groups in the order of their first message. A message whose headers are
     * missing (gone from the folder meanwhile) stands alone: reading it will say so.
     */
    static List<List<MailboxUid>> groups(List<MailboxUid> pending, Map<Long, byte[]> headers) {
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
        Map<Integer, List<MailboxUid>> groups = new LinkedHashMap<>();
        for (int i = 0; i < inOrder.size(); i++) {
            groups.computeIfAbsent(related.root(i), r -> new ArrayList<>()).add(inOrder.get(i));
        }
        return List.copyOf(groups.values());
    }

    /**
     * At most {@code lanes} lanes over the groups: each lane, as it comes free, takes the next
     * whole group. Shared as they are taken rather than planned by count, so that a lane held
     * up by a large attachment or a lock does not leave the other idle at the end of the poll.
     * Each lane is read by one thread; the queue between them is the only thing they share.
     */
    static List<Iterator<MailboxUid>> share(List<List<MailboxUid>> groups, int lanes) {
        Queue<List<MailboxUid>> waiting = new ConcurrentLinkedQueue<>(groups);
        List<Iterator<MailboxUid>> shared = new ArrayList<>();
        for (int l = 0; l < Math.min(Math.max(1, lanes), groups.size()); l++) {
            shared.add(new Lane(waiting));
        }
        return shared;
    }

    /** One lane: the group it is on, then the next one waiting. */
    private static final class Lane implements Iterator<MailboxUid> {
        private final Queue<List<MailboxUid>> waiting;
        private Iterator<MailboxUid> group = Collections.emptyIterator();

        Lane(Queue<List<MailboxUid>> waiting) {
            this.waiting = waiting;
        }

        @Override
        public boolean hasNext() {
            while (!group.hasNext()) {
                List<MailboxUid> next = waiting.poll();
                if (next == null) {
                    return false;
                }
                group = next.iterator();
            }
            return true;
        }

        @Override
        public MailboxUid next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return group.next();
        }
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
