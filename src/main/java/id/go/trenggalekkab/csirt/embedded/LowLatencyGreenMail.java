package id.go.trenggalekkab.csirt.embedded;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.imap.commands.ImapCommand;
import com.icegreen.greenmail.imap.commands.ImapCommandFactory;
import com.icegreen.greenmail.imap.commands.UidIndexedFetchCommand;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.ChunkedDataSmtpHandler;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.lang.reflect.Field;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * GreenMail with TCP_NODELAY on its client sockets. GreenMail writes each response in
 * several small writes without it, so Nagle's algorithm meets the client's delayed
 * acknowledgement on nearly every IMAP or SMTP round trip: about 40 ms each, a quarter of
 * a second per message taken in (measured here on the real-world corpus). The protocol
 * handlers are GreenMail's own; only the socket option differs, FETCH finds message
 * numbers in an index ({@link UidIndexedFetchCommand}) instead of scanning the folder once
 * per message in it, and SMTP DATA is read in chunks instead of a byte at a time
 * ({@link ChunkedDataSmtpHandler}), and each user's mailbox has a name of its own
 * ({@link UniquelyNamedUsers}).
 *
 * <p>Servers are looked up with {@link #server(String)}: GreenMail's own
 * {@code getImap()}/{@code getSmtp()} expect its final server classes.
 */
public class LowLatencyGreenMail extends GreenMail {

    public LowLatencyGreenMail(ServerSetup... setups) {
        super(setups);
        managers = UniquelyNamedUsers.managers();
    }

    @Override
    public synchronized void stop() {
        super.stop();
        managers = UniquelyNamedUsers.managers();
    }

    public AbstractServer server(String protocol) {
        AbstractServer server = services.get(protocol);
        if (server == null) {
            throw new IllegalArgumentException("no " + protocol + " server configured");
        }
        return server;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        Map<String, AbstractServer> servers = new HashMap<>();
        for (ServerSetup setup : setups) {
            switch (setup.getProtocol()) {
                case ServerSetup.PROTOCOL_IMAP -> servers.put(setup.getProtocol(), new NoDelayServer(setup, managers,
                        socket -> droppedQuietly(withIndexedFetch(
                                new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket)))));
                case ServerSetup.PROTOCOL_SMTP -> servers.put(setup.getProtocol(), new NoDelayServer(setup, managers,
                        socket -> new ChunkedDataSmtpHandler(new SmtpCommandRegistry(), managers.getSmtpManager(), socket)));
                default -> throw new IllegalArgumentException("only plain IMAP and SMTP are needed here, not "
                        + setup.getProtocol());
            }
        }
        return servers;
    }

    /** Whether GreenMail's FETCH was replaced by {@link UidIndexedFetchCommand} on the connections so far. */
    public boolean fetchIndexed() {
        return fetchIndexed;
    }

    private volatile boolean fetchIndexed;

    /**
     * The connection's FETCH (and UID FETCH) answered by {@link UidIndexedFetchCommand}.
     * GreenMail builds its command table per connection in private fields, with no way to
     * add a command: they are reached by reflection. Should a GreenMail upgrade rename them,
     * its own FETCH stays (correct, only slow with thousands of messages waiting) and the
     * desk says so once.
     */
    private ImapHandler withIndexedFetch(ImapHandler handler) {
        try {
            Object requestHandler = field(ImapHandler.class, "requestHandler").get(handler);
            Object factory = field(requestHandler.getClass(), "imapCommands").get(requestHandler);
            @SuppressWarnings("unchecked")
            Map<String, Class<? extends ImapCommand>> commands =
                    (Map<String, Class<? extends ImapCommand>>) field(ImapCommandFactory.class, "imapCommands").get(factory);
            commands.put(UidIndexedFetchCommand.NAME, UidIndexedFetchCommand.class);
            fetchIndexed = true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (!fetchUnindexedSaid) {
                fetchUnindexedSaid = true;
                LoggerFactory.getLogger(LowLatencyGreenMail.class).warn("GreenMail's own FETCH left in place ({}): each FETCH"
                        + " costs time in the square of the folder's size, slow with thousands of messages waiting", e.toString());
            }
        }
        return handler;
    }

    private volatile boolean fetchUnindexedSaid;

    /**
     * GreenMail's IMAP session has a race: reporting expunged messages, it checks that no
     * message arrived and no flag changed since it reported those, and throws when one did
     * meanwhile (ImapSessionFolder.getExpunged, "Need to do this properly..."). Under a flood,
     * with the desk moving mail out while new mail arrives, that ends a connection now and
     * then; the client connects again and nothing is lost (PollBrokeOff, InboxWatcher). The
     * exception would otherwise end GreenMail's thread as uncaught, with a stack trace in the
     * log (and fail a program run by exec:java); here it is one line.
     */
    private static ProtocolHandler droppedQuietly(ImapHandler handler) {
        return new ProtocolHandler() {
            @Override
            public void run() {
                try {
                    handler.run();
                } catch (IllegalStateException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    LoggerFactory.getLogger(LowLatencyGreenMail.class).info(
                            "GreenMail ended an IMAP connection ({}); the client connects again", cause.toString());
                }
            }

            @Override
            public void close() {
                handler.close();
            }
        };
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    private interface HandlerFactory {
        ProtocolHandler create(Socket socket);
    }

    private static final class NoDelayServer extends AbstractServer {
        private final HandlerFactory handlers;

        NoDelayServer(ServerSetup setup, Managers managers, HandlerFactory handlers) {
            super(setup, managers);
            this.handlers = handlers;
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            try {
                socket.setTcpNoDelay(true);
            } catch (SocketException e) {
                log.debug("TCP_NODELAY not set on {}", socket, e);
            }
            return handlers.create(socket);
        }
    }
}
