package icp.filing.bootstrap.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A lean HTTP/1.1 load client, as wrk is: one kept-alive connection per load thread, requests written as bytes and
 * answers read by their length, so that the generator, which shares the two cores with the system, costs little of
 * what is measured. {@link java.net.http.HttpClient} costs about as much CPU per request as the server's answer.
 */
final class BenchHttp {
    private final URI server;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    BenchHttp(URI server) {
        this.server = server;
    }

    /** @return the answer's body; anything but 200 fails the run */
    String get(String pathAndQuery) {
        return send("GET " + pathAndQuery + " HTTP/1.1\r\nHost: bench\r\n\r\n", new byte[0]);
    }

    String postJson(String path, String json) {
        return post(path, "", json);
    }

    /** @param headers extra header lines, each ending in CRLF */
    String post(String path, String headers, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\nHost: bench\r\n" + headers
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    private String send(String head, byte[] body) {
        try {
            Connection c = connections.get();
            if (c == null) {
                c = new Connection(server);
                connections.set(c);
            }
            c.out.write(head.getBytes(StandardCharsets.UTF_8));
            c.out.write(body);
            c.out.flush();
            return c.read();
        } catch (IOException e) {
            connections.remove();
            throw new UncheckedIOException(e);
        }
    }

    private static final class Connection {
        private final OutputStream out;
        private final InputStream in;

        Connection(URI server) throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()));
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        }

        String read() throws IOException {
            String status = line();
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(length, 256));
            if (chunked) {
                for (int size = Integer.parseInt(line().strip(), 16); size > 0;
                        size = Integer.parseInt(line().strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length > 0) {
                body.write(in.readNBytes(length));
            }
            String text = body.toString(StandardCharsets.UTF_8);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException(status + " " + text);
            }
            return text;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
