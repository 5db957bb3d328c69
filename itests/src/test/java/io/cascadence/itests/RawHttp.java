package io.cascadence.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send: malformed request lines, bad escapes,
 * odd methods, oversized headers and bodies. The request is written on a thread of its own, so that a server that
 * answers before it has read the whole body (413) is heard even while the body is still being sent.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** One response: its status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** Sends {@code head} (lines joined by CRLF, ended by an empty line) and then {@code body}, if any. */
    Answer send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    if (body != null) {
                        for (int i = 0; i < body.length; i += 8192) {
                            out.write(body, i, Math.min(8192, body.length - i));
                        }
                    }
                    out.flush();
                } catch (IOException e) {
                    // The server answered and closed before it took everything: what oversized requests expect.
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(socket.getInputStream());
            while (answer.status() >= 100 && answer.status() < 200) {
                answer = read(socket.getInputStream());
            }
            return answer;
        }
    }

    Answer send(String head) throws IOException {
        return send(head, null);
    }

    /**
     * Sends each request on one connection, the next once the answer to the one before has come, as a client that
     * keeps connections alive does; returns the answers it got before the connection closed.
     */
    List<Answer> sendInTurn(List<byte[]> requests) throws IOException {
        List<Answer> answers = new ArrayList<>();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            for (byte[] request : requests) {
                try {
                    socket.getOutputStream().write(request);
                    answers.add(read(socket.getInputStream()));
                } catch (IOException e) {
                    break;
                }
            }
        }
        return answers;
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).strip());
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        String length = headers.get("content-length");
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new Answer(status, headers, "");
        }
        if (length != null) {
            content.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).strip(), 16)) {
                content.write(in.readNBytes(size));
                line(in);
            }
        } else {
            try {
                content.write(in.readAllBytes());
            } catch (SocketTimeoutException e) {
                // Kept open without a length: what came is the body.
            }
        }
        return new Answer(status, headers, content.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
