package io.cascadence.web.impl;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host names a request may address in its {@code Host} header, against DNS rebinding: a page of
 * {@code evil.example} whose name is made to resolve to this machine still sends {@code Host: evil.example}, and is
 * refused. Loopback names are always allowed; {@code allowed_hosts} adds names; when HTTP listens beyond loopback,
 * the address it is bound to (every address of the machine for a wildcard) and the machine's host name are allowed
 * too. The port is not compared.
 */
final class AllowedHosts {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", ipv6("[::1]"));

    /** How many distinct allowed Host headers are remembered as they came, so most requests allocate nothing. */
    private static final int REMEMBERED = 64;

    private final boolean any;
    private final Set<String> hosts;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private AllowedHosts(boolean any, Set<String> hosts) {
        this.any = any;
        this.hosts = Set.copyOf(hosts);
    }

    /**
     * @param configured {@code allowed_hosts}: names comma-separated, or {@code *} for any
     * @param machine the names and addresses of this machine that HTTP serves ({@link #machineNames})
     */
    static AllowedHosts of(String configured, Set<String> machine) {
        Set<String> hosts = new LinkedHashSet<>(LOOPBACK);
        hosts.addAll(machine);
        boolean any = false;
        for (String part : configured == null ? new String[0] : configured.split(",")) {
            String host = part.strip().toLowerCase(Locale.ROOT);
            any |= host.equals("*");
            if (!host.isEmpty()) {
                hosts.add(ipv6(host));
            }
        }
        return new AllowedHosts(any, hosts);
    }

    /** Whether a request with this {@code Host} header is served; one without (HTTP/1.0) is. */
    boolean allows(String hostHeader) {
        if (any || hostHeader == null || seen.contains(hostHeader)) {
            return true;
        }
        boolean allowed = hosts.contains(name(hostHeader));
        if (allowed && seen.size() < REMEMBERED) {
            seen.add(hostHeader);
        }
        return allowed;
    }

    /** The host of a {@code Host} header: without its port, in lower case, without a trailing dot. */
    static String name(String hostHeader) {
        String host = hostHeader.strip();
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        if (end > 0) {
            host = host.substring(0, end);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return ipv6(host.toLowerCase(Locale.ROOT));
    }

    /** An IPv6 literal in brackets in one spelling ({@code [::1]} and {@code [0:0::1]} alike); anything else as is. */
    static String ipv6(String host) {
        if (!host.startsWith("[") || !host.endsWith("]") || host.length() < 3) {
            return host;
        }
        String inner = host.substring(1, host.length() - 1);
        if (!inner.matches("[0-9a-fA-F:.]+")) {
            return host; // not a literal; never looked up as a name
        }
        try {
            return literal(InetAddress.getByName(inner));
        } catch (UnknownHostException e) {
            return host;
        }
    }

    /**
     * What HTTP bound to {@code boundHost} is reachable as beyond loopback: nothing for a loopback address; the
     * address itself and the machine's host names for another one; every address of every interface and the host
     * names for a wildcard ({@code 0.0.0.0}, {@code ::}). Looked up once, at activation: a name lookup may be slow.
     */
    static Set<String> machineNames(String boundHost) {
        if (!beyondLoopback(boundHost)) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            // A machine without a resolvable name is reached by address.
        }
        try {
            InetAddress bound = InetAddress.getByName(boundHost);
            if (!bound.isAnyLocalAddress()) {
                names.add(literal(bound));
                names.add(ipv6(boundHost.toLowerCase(Locale.ROOT)));
                return names;
            }
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    names.add(literal(address));
                }
            }
        } catch (UnknownHostException | SocketException e) {
            names.add(boundHost.toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** Whether HTTP bound to this address is reachable from other machines. */
    static boolean beyondLoopback(String boundHost) {
        if (boundHost == null || boundHost.isBlank()) {
            return true; // Jetty binds every interface when no host is given
        }
        try {
            return !InetAddress.getByName(boundHost.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** An address as a {@code Host} header carries it: IPv6 in brackets, without a zone. */
    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + text.toLowerCase(Locale.ROOT) + "]" : text;
    }
}
