package dev.minstrel.server.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses allowed to tell us who the client is: single addresses or CIDR ranges, IPv4 or
 * IPv6. Entries must be literal addresses; host names are refused rather than looked up.
 */
public final class TrustedProxies {

    // compiled once: parse runs several times on every request
    private static final Pattern ADDRESS_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.%a-zA-Z]+");
    private static final Pattern DOTTED_DIGITS = Pattern.compile("[0-9.]+");

    private record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    public TrustedProxies(List<String> entries) {
        this.ranges = entries.stream().map(String::strip).filter(e -> !e.isEmpty()).map(TrustedProxies::range).toList();
    }

    public boolean trusts(String address) {
        byte[] bytes = parse(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = parse(host);
        if (network == null) {
            throw new IllegalArgumentException("minstrel.security.trusted-proxies: \"" + entry
                    + "\" is not an IP address or CIDR range");
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("minstrel.security.trusted-proxies: \"" + entry
                        + "\" has a bad prefix length");
            }
        }
        return new Range(network, prefix);
    }

    /** The bytes of a literal IPv4 or IPv6 address (IPv4-mapped IPv6 as IPv4), or null. */
    static byte[] parse(String address) {
        if (address == null) {
            return null;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.isEmpty() || !ADDRESS_CHARACTERS.matcher(literal).matches()
                || !(literal.contains(":") || DOTTED_DIGITS.matcher(literal).matches())) {
            return null; // never let InetAddress resolve a host name
        }
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
