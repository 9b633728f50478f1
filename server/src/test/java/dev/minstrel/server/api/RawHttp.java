package dev.minstrel.server.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Requests written byte for byte on one socket, as a broken or hostile client would send them
 * (HTTP clients refuse to send malformed URIs), and the answers read back in order.
 */
final class RawHttp implements AutoCloseable {

    record Answer(int status, String headers, String body) {

        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + headers.replace("\r\n", " | ") + "\n" + body;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    RawHttp(int port) {
        try {
            this.socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text as ISO-8859-1 bytes (so any byte can be written), without waiting. */
    RawHttp send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the next answer; fails when none comes within the socket timeout or the connection ends. */
    Answer read() {
        try {
            int headEnd;
            while ((headEnd = indexOf(pending.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))) < 0) {
                fill();
            }
            byte[] bytes = pending.toByteArray();
            String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
            String statusLine = head.substring(0, head.indexOf("\r\n") < 0 ? head.length() : head.indexOf("\r\n"));
            String headers = head.substring(statusLine.length()).strip();
            int length = 0;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            while (pending.size() < headEnd + 4 + length) {
                fill();
            }
            bytes = pending.toByteArray();
            String body = new String(bytes, headEnd + 4, length, StandardCharsets.UTF_8);
            pending.reset();
            pending.write(bytes, headEnd + 4 + length, bytes.length - headEnd - 4 - length);
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every answer until the server closes the connection (or stays silent for the timeout). */
    List<Answer> readAll() {
        List<Answer> answers = new ArrayList<>();
        while (true) {
            try {
                answers.add(read());
            } catch (UncheckedIOException ended) {
                return answers;
            }
        }
    }

    private void fill() throws IOException {
        byte[] buffer = new byte[65536];
        int n;
        try {
            n = in.read(buffer);
        } catch (SocketTimeoutException silent) {
            throw new IOException("no answer within the timeout", silent);
        }
        if (n < 0) {
            throw new IOException("the server closed the connection");
        }
        pending.write(buffer, 0, n);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
