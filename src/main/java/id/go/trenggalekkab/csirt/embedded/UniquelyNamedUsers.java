package id.go.trenggalekkab.csirt.embedded;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.imap.ImapHostManagerImpl;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.store.UserIndexedStore;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.user.UserManager;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * GreenMail's users, each with a mailbox of its own. GreenMail names a user's mailboxes
 * after {@code String.hashCode()} of the address, so two of the addresses it has seen can
 * share a name: the second user's mailbox then cannot be created, and every mail to that
 * address is refused with 451 for as long as the server runs. With the thousands of
 * reporter addresses a flood or a test run creates, that is a matter of when: it happened
 * in a CI run (two addresses hashing to 1895142307). Here each user's mailbox is named by
 * a counter, which never repeats in one server's life.
 *
 * <p>GreenMail's {@link UserManager} keeps its users in private maps and builds
 * {@link UserImpl} itself, so every public method that reads or writes the users is
 * answered here from maps of our own; the delivery handler GreenMail installs calls
 * {@link #getUserByEmail} and {@link #createUser} and so finds these.
 */
final class UniquelyNamedUsers extends UserManager {

    private final ImapHostManager imapHostManager;
    private final Map<String, GreenMailUser> byLogin = new ConcurrentHashMap<>();
    private final Map<String, GreenMailUser> byEmail = new ConcurrentHashMap<>();
    private final AtomicLong mailboxNames = new AtomicLong();

    UniquelyNamedUsers(ImapHostManager imapHostManager) {
        super(imapHostManager);
        this.imapHostManager = imapHostManager;
    }

    /** GreenMail's managers with these users, their folders found by name ({@link UserIndexedStore}); SMTP delivers to them. */
    static Managers managers() {
        return new Managers() {
            private final ImapHostManager imap = new ImapHostManagerImpl(new UserIndexedStore());
            private final UserManager users = new UniquelyNamedUsers(imap);
            private final SmtpManager smtp = new SmtpManager(imap, users);

            @Override
            public ImapHostManager getImapHostManager() {
                return imap;
            }

            @Override
            public UserManager getUserManager() {
                return users;
            }

            @Override
            public SmtpManager getSmtpManager() {
                return smtp;
            }
        };
    }

    @Override
    public synchronized GreenMailUser createUser(String email, String login, String password) throws UserException {
        if (byEmail.containsKey(normalized(email))) {
            throw new UserException("Can not create new user as another user of same email '" + email + "' already exists");
        }
        if (byLogin.containsKey(normalized(login))) {
            throw new UserException("Can not create new user as another user of same login '" + login + "' already exists");
        }
        GreenMailUser user = new OwnMailboxUser(email, login, password, imapHostManager, "u" + mailboxNames.incrementAndGet());
        user.create();
        byLogin.put(normalized(login), user);
        byEmail.put(normalized(email), user);
        return user;
    }

    @Override
    public synchronized void deleteUser(GreenMailUser user) {
        GreenMailUser deleted = byLogin.remove(normalized(user.getLogin()));
        if (deleted != null) {
            byEmail.remove(normalized(deleted.getEmail()));
            deleted.delete();
        }
    }

    @Override
    public GreenMailUser getUser(String login) {
        return byLogin.get(normalized(login));
    }

    @Override
    public GreenMailUser getUserByEmail(String email) {
        return byEmail.get(normalized(email));
    }

    @Override
    public boolean hasUser(String userId) {
        return byLogin.containsKey(normalized(userId)) || byEmail.containsKey(normalized(userId));
    }

    @Override
    public Stream<GreenMailUser> findUsers(Predicate<GreenMailUser> predicate) {
        return byLogin.values().stream().filter(predicate);
    }

    @Override
    public Collection<GreenMailUser> listUser() {
        return Collections.unmodifiableCollection(byLogin.values());
    }

    private static String normalized(String name) {
        return name.trim().toLowerCase(Locale.ENGLISH);
    }

    private static final class OwnMailboxUser extends UserImpl {
        private final String mailboxName;

        OwnMailboxUser(String email, String login, String password, ImapHostManager imapHostManager, String mailboxName) {
            super(email, login, password, imapHostManager);
            this.mailboxName = mailboxName;
        }

        @Override
        public String getQualifiedMailboxName() {
            return mailboxName;
        }
    }
}
