package id.go.trenggalekkab.csirt.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay in front of a real server that a test can switch off: while refusing, every
 * connection is closed at once, as a mail server that is down or restarting would. The
 * server behind it keeps its state (GreenMail's mailboxes survive the "outage").
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private volatile boolean refusing;
    private volatile java.util.regex.Pattern cutOn;
    private volatile java.util.regex.Pattern answerInsteadOf;
    private volatile java.util.function.UnaryOperator<String> answer;
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.List<StringBuffer> conversations = new java.util.concurrent.CopyOnWriteArrayList<>();

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /**
     * While set, a connection whose client sends a command matching this pattern is cut
     * there, as a server that breaks down on one particular request would; null clears it.
     */
    public void cutWhenClientSends(java.util.regex.Pattern command) {
        this.cutOn = command;
    }

    /**
     * While set, an SMTP {@code RCPT TO} whose address matches is answered {@code 550 5.1.1}
     * by the proxy and never reaches the server, as a receiving server refuses an unknown
     * mailbox; null clears it.
     */
    public void rejectRecipients(java.util.regex.Pattern addresses) {
        answerInstead(addresses == null ? null : java.util.regex.Pattern.compile("(?i)^RCPT TO:.*" + addresses.pattern()),
                "550 5.1.1 Recipient address rejected: no such user");
    }

    /**
     * While set, a client line matching {@code command} is answered with {@code reply} by the
     * proxy and never reaches the server (null clears it): a server refusing one command.
     */
    public synchronized void answerInstead(java.util.regex.Pattern command, String reply) {
        answerInsteadWith(command, line -> reply);
    }

    /**
     * As {@link #answerInstead(java.util.regex.Pattern, String)}, the reply made from the
     * client's line: an IMAP server's answer carries the command's tag.
     */
    public synchronized void answerInsteadWith(java.util.regex.Pattern command, java.util.function.UnaryOperator<String> reply) {
        this.answer = reply;
        this.answerInsteadOf = command;
    }

    /**
     * What the clients sent, one entry per connection, each the lines in the order sent:
     * every command a client gave the server behind this proxy.
     */
    public java.util.List<java.util.List<String>> clientLines() {
        return conversations.stream()
                .map(c -> java.util.Arrays.stream(c.toString().split("\r?\n")).filter(l -> !l.isEmpty()).toList())
                .toList();
    }

    /** How many lines the clients sent, over every connection, contain the text. */
    public long clientLinesContaining(String text) {
        return clientLines().stream().flatMap(java.util.List::stream).filter(l -> l.contains(text)).count();
    }

    /** The server goes down: open connections are cut and new ones refused, until {@link #refuse}(false). */
    public void goDown() {
        refusing = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                StringBuffer sent = new StringBuffer();
                conversations.add(sent);
                pump(client.getInputStream(), server.getOutputStream(), client, server, sent);
                pump(server.getInputStream(), client.getOutputStream(), client, server, null);
            } catch (IOException e) {
                // a refused or reset connection is part of what this proxy is for
            }
        }
    }

    /** Relays one direction; {@code clientSent} is where a client's bytes are written down (null: the server's side). */
    private void pump(InputStream in, OutputStream out, Socket a, Socket b, StringBuffer clientSent) {
        boolean fromClient = clientSent != null;
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    String text = new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                    java.util.regex.Pattern cut = cutOn;
                    if (fromClient && cut != null && cut.matcher(text).find()) {
                        break;
                    }
                    java.util.regex.Pattern intercept = answerInsteadOf;
                    java.util.function.UnaryOperator<String> reply = answer;
                    if (fromClient && intercept != null && reply != null && intercept.matcher(text.strip()).find()) {
                        OutputStream client = a.getOutputStream();
                        client.write((reply.apply(text.strip()) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        client.flush();
                        continue;
                    }
                    if (fromClient && clientSent.length() < 4_000_000) {
                        clientSent.append(text);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side went away
            } finally {
                closeQuietly(a);
                closeQuietly(b);
                open.remove(a);
                open.remove(b);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
