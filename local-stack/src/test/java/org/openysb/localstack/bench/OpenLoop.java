package org.openysb.localstack.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * (complaint-intake's benchmark driver, {@code OpenLoopDriver}, adapted: the answer also carries when it was due.)
 * A load driver that sends POSTs at a fixed rate whatever the answers (an open loop, as wrk2 does): request i is due
 * at start + i / rate, goes out on the first idle keep-alive connection (up to {@code connections} of them), and its
 * latency runs from when it was due to the end of its answer — so a stall is counted for every request it holds up.
 * One thread and one selector for all connections: on the two cores it shares with the service, a thread per
 * connection that sleeps until each request is due cost twice the closed-loop driver's CPU per request.
 */
final class OpenLoop {
    /**
     * An answer to request {@code request} (0, 1, …): its status (-1: the connection failed), its body, when it was due
     * ({@link System#nanoTime()}) and the latency in nanoseconds from then.
     */
    interface Answers {
        void answer(long request, int status, String body, long dueNanos, long latencyNanos);
    }

    private final int port;
    private final int connections;

    OpenLoop(int port, int connections) {
        this.port = port;
        this.connections = connections;
    }

    /** Sends {@code rate} requests a second for {@code seconds} and waits for their answers; returns the seconds taken. */
    double run(String path, int rate, int seconds, LongFunction<String> bodies, Answers answers) throws IOException {
        long total = (long) rate * seconds;
        double interval = 1e9 / rate;
        ArrayDeque<Connection> idle = new ArrayDeque<>();
        int open = 0;
        int inFlight = 0;
        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            long next = 0;
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds + 60L);
            while ((next < total || inFlight > 0) && System.nanoTime() < deadline) {
                long now = System.nanoTime();
                // every request that is due goes out, as long as a connection is free
                while (next < total && start + (long) (next * interval) <= now) {
                    Connection c = idle.poll();
                    if (c == null) {
                        if (open == connections) {
                            break; // all busy: it waits, and the wait counts in its latency
                        }
                        c = new Connection(selector, port);
                        open++;
                    }
                    c.send(path, bodies.apply(next), next, start + (long) (next * interval));
                    inFlight++;
                    next++;
                }
                boolean canSend = next < total && (!idle.isEmpty() || open < connections);
                long wait = canSend // until the next is due; otherwise until an answer comes
                        ? start + (long) (next * interval) - System.nanoTime()
                        : TimeUnit.MILLISECONDS.toNanos(100);
                if (wait > 0) {
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
                } else {
                    selector.selectNow();
                }
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection c = (Connection) key.attachment();
                    try {
                        if (key.isValid() && key.isWritable()) {
                            c.flush();
                        }
                        if (key.isValid() && key.isReadable() && c.read()) {
                            answers.answer(c.request, c.status, c.body, c.due, System.nanoTime() - c.due);
                            inFlight--;
                            if (c.close) {
                                c.close();
                                open--;
                            } else {
                                idle.add(c);
                            }
                        }
                    } catch (IOException e) {
                        answers.answer(c.request, -1, null, c.due, System.nanoTime() - c.due);
                        inFlight--;
                        c.close();
                        open--;
                    }
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            idle.forEach(Connection::close);
            for (SelectionKey key : selector.keys()) {
                ((Connection) key.attachment()).close();
            }
            return elapsed;
        }
    }

    /** One keep-alive HTTP/1.1 connection: a request written, its Content-Length framed answer read. */
    private static final class Connection {
        private final SocketChannel channel;
        private final SelectionKey key;
        private final String host;
        private ByteBuffer out;
        private ByteBuffer in = ByteBuffer.allocate(16_384);
        long request;
        long due;
        int status;
        String body;
        boolean close;

        Connection(Selector selector, int port) throws IOException {
            channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
            host = "127.0.0.1:" + port;
        }

        void send(String path, String json, long request, long dueNanos) throws IOException {
            this.request = request;
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            out = ByteBuffer.allocate(head.length + payload.length);
            out.put(head).put(payload).flip();
            due = dueNanos;
            in.clear();
            flush();
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        /** Reads what has arrived; true once the whole answer is in. */
        boolean read() throws IOException {
            if (!in.hasRemaining()) {
                in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
            }
            if (channel.read(in) < 0) {
                throw new IOException("connection closed by the service");
            }
            byte[] bytes = in.array();
            int length = in.position();
            int headEnd = indexOf(bytes, length);
            if (headEnd < 0) {
                return false;
            }
            String head = new String(bytes, 0, headEnd, StandardCharsets.US_ASCII);
            int contentLength = -1;
            close = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (!head.startsWith("HTTP/1.1 ") || contentLength < 0) {
                throw new IOException("not an HTTP answer with a Content-Length: " + head);
            }
            if (length < headEnd + 4 + contentLength) {
                return false;
            }
            status = Integer.parseInt(head.substring(9, 12));
            body = new String(bytes, headEnd + 4, contentLength, StandardCharsets.UTF_8);
            return true;
        }

        private static int indexOf(byte[] bytes, int length) {
            for (int i = 0; i + 3 < length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        void close() {
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
