package icp.filing.adapters.rest;

import com.google.common.net.InetAddresses;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client address every per-address limit is keyed on (SMS confirmations, sign-in failures, the public query's
 * tokens). By default it is the socket's peer, whatever the request says: a forwarding header is written by whoever
 * sends the request, so a client sending a fresh {@code X-Forwarded-For} each time would get a fresh budget each time.
 * Only when the operator names the proxies in front of the system ({@code icp.http.trusted-proxies}: addresses or
 * CIDR blocks) is the forwarding header read, and then only from a trusted peer, right to left: the address is the
 * right-most hop that is not itself a trusted proxy (the hops to its left were written by the client).
 *
 * <p>Micronaut's own resolver believes the header of any peer, and its {@code client-address-header} setting names a
 * header without knowing who may send it; no library at hand matches CIDR blocks without name lookups (Guava parses
 * the literals), so the matching is here.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
final class TrustedProxies implements HttpClientAddressResolver {
    /** Hops read from one header at most: a longer chain is all client-written beyond this. */
    private static final int MAX_HOPS = 32;

    private final List<Block> trusted;
    private final String header;

    TrustedProxies(@Value("${icp.http.trusted-proxies:}") List<String> trustedProxies,
                   @Value("${icp.http.forwarded-header:X-Forwarded-For}") String header) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Block::parse).toList();
        String name = header.strip();
        if (!name.equalsIgnoreCase("X-Forwarded-For") && !name.equalsIgnoreCase("Forwarded")) {
            throw new IllegalArgumentException("icp.http.forwarded-header is X-Forwarded-For or Forwarded, not " + name);
        }
        this.header = name;
    }

    @Override
    @Nullable
    public String resolve(HttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return null;
        }
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = hops(request.getHeaders().getAll(header));
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break; // not an address a trusted proxy writes: stop at the last hop that is known
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** The hops of every line of the header, left to right, the last {@link #MAX_HOPS} of them. */
    private List<String> hops(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                hops.add(header.equalsIgnoreCase("Forwarded") ? forwardedFor(element) : element.strip());
            }
        }
        return hops.size() > MAX_HOPS ? hops.subList(hops.size() - MAX_HOPS, hops.size()) : hops;
    }

    /** The {@code for=} of one RFC 7239 element: {@code for=192.0.2.1}, {@code for="[2001:db8::1]:4711"}. */
    private static String forwardedFor(String element) {
        for (String pair : element.split(";")) {
            String[] parts = pair.strip().split("=", 2);
            if (parts.length == 2 && parts[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                String value = parts[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.startsWith("[")) {
                    int end = value.indexOf(']');
                    return end < 0 ? "" : value.substring(1, end);
                }
                int colon = value.indexOf(':');
                return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
            }
        }
        return "";
    }

    /** An address literal, never a name: a name would cost a lookup and could be anything. */
    @Nullable
    private static InetAddress literal(String text) {
        return text.length() <= 45 && InetAddresses.isInetAddress(text) ? InetAddresses.forString(text) : null;
    }

    /** An address or a CIDR block of trusted proxies. */
    private record Block(byte[] network, int prefix) {
        static Block parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("icp.http.trusted-proxies: not an address or CIDR block: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("icp.http.trusted-proxies: bad prefix length in " + text);
                }
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
