package cn.beian.subject.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses a server's public IP address without ever resolving a name: IPv4 dotted quads and IPv6 literals only,
 * and only addresses routable on the public internet (no private, loopback, link-local, carrier-grade NAT,
 * documentation, benchmark, multicast or reserved ranges).
 */
public final class PublicIp {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** IPv4 ranges that are not public: {network, prefix length}. */
    private static final int[][] IPV4_NOT_PUBLIC = {
        {0x00000000, 8}, {0x0A000000, 8}, {0x64400000, 10}, {0x7F000000, 8}, {0xA9FE0000, 16},
        {0xAC100000, 12}, {0xC0000000, 24}, {0xC0000200, 24}, {0xC0A80000, 16}, {0xC6120000, 15},
        {0xC6336400, 24}, {0xCB007100, 24}, {0xE0000000, 4}, {0xF0000000, 4},
    };

    /** What is wrong with an address. */
    public enum Problem {
        /** Not an IPv4 or IPv6 literal. */
        MALFORMED,
        /** A well-formed address in a private or special-purpose range. */
        NOT_PUBLIC
    }

    private PublicIp() {
    }

    /** The canonical form of a public address, or why it is not one. */
    public static Result parse(String text) {
        if (text == null) {
            return new Result(null, Problem.MALFORMED);
        }
        String t = text.trim();
        if (IPV4.matcher(t).matches()) {
            byte[] b = literal(t);
            int v = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            for (int[] range : IPV4_NOT_PUBLIC) {
                int mask = range[1] == 0 ? 0 : -1 << (32 - range[1]);
                if ((v & mask) == range[0]) {
                    return new Result(null, Problem.NOT_PUBLIC);
                }
            }
            return new Result(t, null);
        }
        if (t.indexOf(':') >= 0 && IPV6.matcher(t).matches()) {
            byte[] b = literal(t);
            if (b == null) {
                return new Result(null, Problem.MALFORMED);
            }
            if (b.length == 4) {
                // An IPv4-mapped IPv6 literal (::ffff:a.b.c.d): judge it, and keep it, as IPv4.
                return parse(t.substring(t.lastIndexOf(':') + 1));
            }
            // Global unicast is 2000::/3; 2001:db8::/32 is documentation.
            boolean global = (b[0] & 0xE0) == 0x20;
            boolean documentation = (b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D
                    && (b[3] & 0xFF) == 0xB8;
            if (!global || documentation) {
                return new Result(null, Problem.NOT_PUBLIC);
            }
            try {
                return new Result(InetAddress.getByAddress(b).getHostAddress(), null);
            } catch (UnknownHostException e) {
                return new Result(null, Problem.MALFORMED);
            }
        }
        return new Result(null, Problem.MALFORMED);
    }

    // Only ever called with a string that is syntactically a literal, so no name lookup happens.
    private static byte[] literal(String t) {
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Either the canonical address or the problem. */
    public record Result(String address, Problem problem) {

        public Optional<String> valid() {
            return Optional.ofNullable(address);
        }
    }
}
