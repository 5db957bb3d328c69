package io.cascadence.web.impl;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cascadence.api.InvalidRequestException;

/**
 * A query string parsed strictly: {@code name=value} pairs joined by {@code &}, {@code +} for a space and
 * {@code %XX} escapes of UTF-8 bytes. A malformed escape, bytes that are not UTF-8 and control characters are
 * refused naming the parameter, before any servlet sees the request, so no route acts on half-decoded text.
 */
final class QueryString {

    /** How much of a raw parameter a message quotes. */
    private static final int QUOTED = 60;

    private QueryString() {
    }

    /**
     * @param raw the query string as sent, still encoded, or {@code null}
     * @return every parameter with its values, in the order they came
     * @throws InvalidRequestException naming the parameter that is malformed and what is accepted
     */
    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName, rawName);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), rawName);
            if (!name.isEmpty()) {
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return parameters;
    }

    /** Decodes one name or value of the parameter named {@code rawName} (as sent, for messages). */
    static String decode(String text, String rawName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int plain = 0; // start of the run of characters since the last escape, copied as their UTF-8 bytes
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%' && c != '+') {
                continue;
            }
            bytes.writeBytes(text.substring(plain, i).getBytes(StandardCharsets.UTF_8));
            if (c == '+') {
                bytes.write(' ');
            } else {
                int high = i + 2 < text.length() ? hex(text.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hex(text.charAt(i + 2));
                if (low < 0) {
                    String escape = text.substring(i, Math.min(text.length(), i + 3));
                    throw refused(rawName, "has a malformed percent-escape '" + escape
                            + "'; expected % and two hex digits, such as %2F for /");
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
            plain = i + 1;
        }
        bytes.writeBytes(text.substring(plain).getBytes(StandardCharsets.UTF_8));
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refused(rawName, "is not UTF-8 once its percent-escapes are decoded");
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (Character.getType(decoded.charAt(i)) == Character.CONTROL) {
                throw refused(rawName, String.format("contains a control character (U+%04X)", (int) decoded.charAt(i)));
            }
        }
        return decoded;
    }

    /** An ASCII hex digit's value; Character.digit would also take other scripts' digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static InvalidRequestException refused(String rawName, String problem) {
        String quoted = rawName.length() > QUOTED ? rawName.substring(0, QUOTED) + "..." : rawName;
        return new InvalidRequestException("query parameter '" + quoted + "' " + problem);
    }
}
