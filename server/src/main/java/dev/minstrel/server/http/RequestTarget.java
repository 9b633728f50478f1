package dev.minstrel.server.http;

import java.util.regex.Pattern;

/**
 * The request target (path and query) and Host of a request as the decoder left them, made
 * acceptable to {@link java.net.URI}, which Spring builds from them and which refuses the request
 * with an empty 400 otherwise.
 * <p>
 * Bytes a URI may not hold raw (non-ASCII text sent unencoded, {@code |}, {@code {}}, control
 * characters) are percent-encoded: their meaning is plain, and apps that send search text raw go
 * on working. A {@code %} that does not start an escape is ambiguous, so the target is marked
 * malformed (the {@code %} is encoded, so the request can still be routed to answer it).
 */
record RequestTarget(String value, boolean malformed) {

    private static final String ALLOWED_PUNCTUATION = "!#$&'()*+,-./:;=?@[]_~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Pattern HOST = Pattern.compile(
            "(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~!$&'()*+,;=-]*)(:[0-9]{0,5})?");

    /** @param raw the target as the decoder read it, one char per byte */
    static RequestTarget of(String raw) {
        boolean absolute = raw.regionMatches(true, 0, "http://", 0, 7) || raw.regionMatches(true, 0, "https://", 0, 8);
        if (!absolute && !raw.startsWith("/") && !raw.equals("*")) {
            return new RequestTarget("/", true);
        }
        StringBuilder out = null;
        boolean malformed = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            String replacement = null;
            if (c == '%') {
                if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                    replacement = "%25";
                    malformed = true;
                }
            } else if (!allowed(c)) {
                replacement = escape(c);
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(raw.length() + 16).append(raw, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return new RequestTarget(out == null ? raw : out.toString(), malformed);
    }

    /** A host name, IPv4 or bracketed IPv6 address, with an optional port; an absent Host is fine. */
    static boolean validHost(String host) {
        if (host == null) {
            return true;
        }
        var matcher = HOST.matcher(host);
        if (!matcher.matches()) {
            return false;
        }
        String port = matcher.group(2);
        return port == null || port.length() == 1 || Integer.parseInt(port.substring(1)) <= 65535;
    }

    private static boolean allowed(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
    }

    /** The decoder maps each byte to the char of the same value, so this restores the byte. */
    private static String escape(char c) {
        int b = c & 0xFF;
        return "%" + HEX[b >> 4] + HEX[b & 0xF];
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
