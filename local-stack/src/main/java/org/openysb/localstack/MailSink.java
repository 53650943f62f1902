package org.openysb.localstack;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local stack's SMTP server: notification-service's emails end here instead of in real mailboxes. It speaks the
 * part of SMTP (RFC 5321) a mail client needs to hand a message over (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT;
 * no relay, no authentication, no TLS) and writes every message as it was received, one {@code .eml} file per
 * recipient, under {@code <data dir>/sinks/mail}, readable with any mail client. Deliberately without dependencies:
 * this module is on the test classpath of every service.
 *
 * <p>{@link #discarding} gives a sink that receives every message completely and correctly but only counts it (and
 * keeps the last one): what a benchmark hands mail to, so that it measures the sender and not the disk. Both accept
 * pipelined commands (RFC 2920, advertised): replies go out in order and are flushed when the client waits for them.
 */
public final class MailSink implements AutoCloseable {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final int MAX_SIZE = 10 * 1024 * 1024;

    private final Path dir;
    private final ServerSocket server;
    private final ExecutorService sessions;
    private final AtomicLong received = new AtomicLong();

    private final java.util.concurrent.atomic.AtomicReference<byte[]> last =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Starts the SMTP server on 127.0.0.1:{@code port} (0: any free port) writing under {@code dir}. */
    public MailSink(int port, Path dir) throws IOException {
        this.dir = dir;
        if (dir != null) {
            Files.createDirectories(dir);
        }
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        sessions = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "smtp-sink");
            t.setDaemon(true);
            return t;
        });
        sessions.execute(this::accept);
    }

    /** An SMTP server on 127.0.0.1:{@code port} (0: any free port) that counts messages instead of writing them. */
    public static MailSink discarding(int port) throws IOException {
        return new MailSink(port, null);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.execute(() -> session(socket));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void session(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream(), 65_536);
                OutputStream out = new FlushingWhenIdle(socket.getOutputStream(), in)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(300_000);
            reply(out, "220 openysb-local-smtp ESMTP (local sink, nothing is relayed)");
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(
                            out,
                            "250-openysb-local-smtp\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-PIPELINING\r\n250 SIZE "
                                    + MAX_SIZE);
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 openysb-local-smtp");
                } else if (upper.startsWith("MAIL FROM:")) {
                    from = address(line.substring(10));
                    to.clear();
                    reply(out, "250 2.1.0 OK");
                } else if (upper.startsWith("RCPT TO:")) {
                    if (from == null) {
                        reply(out, "503 5.5.1 MAIL first");
                    } else {
                        to.add(address(line.substring(8)));
                        reply(out, "250 2.1.5 OK");
                    }
                } else if (upper.equals("DATA")) {
                    if (to.isEmpty()) {
                        reply(out, "503 5.5.1 RCPT first");
                        continue;
                    }
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    out.flush(); // the client sends the message only after this
                    byte[] message = readData(in);
                    if (message == null) {
                        return;
                    }
                    long n = 0;
                    for (String recipient : to) {
                        n = write(message, recipient);
                    }
                    reply(out, "250 2.0.0 OK queued as " + n);
                    from = null;
                    to.clear();
                } else if (upper.equals("RSET")) {
                    from = null;
                    to.clear();
                    reply(out, "250 2.0.0 OK");
                } else if (upper.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 OK");
                } else if (upper.startsWith("VRFY")) {
                    reply(out, "252 2.5.2 Cannot VRFY user");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Command not implemented");
                }
            }
        } catch (SocketException closed) {
            // the client went away, or the sink is stopping
        } catch (IOException e) {
            System.err.println("SMTP sink: " + e.getMessage());
        }
    }

    /** The message up to the line holding a single dot, dot-stuffing removed (RFC 5321 4.5.2), CRLF line ends. */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return message.toByteArray();
            }
            String text = line.startsWith(".") ? line.substring(1) : line;
            message.write(text.getBytes(StandardCharsets.ISO_8859_1));
            message.write('\r');
            message.write('\n');
            if (message.size() > MAX_SIZE) {
                throw new IOException("message larger than " + MAX_SIZE + " bytes");
            }
        }
        return null;
    }

    /** One line without its CRLF (bytes kept as ISO-8859-1 characters, so 8-bit content is written back unchanged). */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = b.length();
                return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
            }
            b.append((char) c);
            if (b.length() > MAX_SIZE) {
                throw new IOException("line too long");
            }
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static String address(String arg) {
        String a = arg.strip();
        int lt = a.indexOf('<');
        int gt = a.indexOf('>');
        return lt >= 0 && gt > lt ? a.substring(lt + 1, gt) : a.split(" ")[0];
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Buffers replies while more pipelined commands are already waiting to be read, and sends them when the client
     * has nothing more in flight (it then waits for them): one write per round trip, not one per command.
     */
    private static final class FlushingWhenIdle extends java.io.BufferedOutputStream {
        private final InputStream in;

        FlushingWhenIdle(OutputStream out, InputStream in) {
            super(out, 8_192);
            this.in = in;
        }

        @Override
        public synchronized void flush() throws IOException {
            if (in.available() == 0) {
                super.flush();
            }
        }
    }

    private long write(byte[] message, String to) throws IOException {
        long n = received.incrementAndGet();
        if (dir == null) {
            last.set(message);
            return n;
        }
        String safe = to.replaceAll("[^A-Za-z0-9@._-]", "_");
        Files.write(dir.resolve(NAME.format(LocalDateTime.now()) + "-" + n + "-" + safe + ".eml"), message);
        return n;
    }

    /** The port the SMTP server listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Where messages are written; null for a {@link #discarding} sink. */
    public Path dir() {
        return dir;
    }

    /** The last message received (as received, CRLF line ends), or null. */
    public byte[] lastMessage() {
        return last.get();
    }

    /** Messages written so far (one per recipient). */
    public long received() {
        return received.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.shutdownNow();
    }
}
