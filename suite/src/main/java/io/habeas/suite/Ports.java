package io.habeas.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fixed, documented ports; the run refuses to start when one is taken rather than guess another.
 * Each application also has a management port, where its health and metrics are.
 */
record Ports(int postgres, int detention, int statement, int gateway, int detentionManagement, int statementManagement,
        int gatewayManagement) {
    /** Where ports for tests are chosen from: up to the system's ephemeral range. */
    private static final int FIRST_CHOSEN = 20000;
    static final int EPHEMERAL_START = ephemeralStart();

    static Ports fromEnvironment() {
        return new Ports(port("HABEAS_POSTGRES_PORT", 15432), port("HABEAS_DETENTION_PORT", 9101),
                port("HABEAS_STATEMENT_PORT", 9102), port("HABEAS_GATEWAY_PORT", 8080),
                port("HABEAS_DETENTION_MANAGEMENT_PORT", 9201), port("HABEAS_STATEMENT_MANAGEMENT_PORT", 9202),
                port("HABEAS_GATEWAY_MANAGEMENT_PORT", 9000));
    }

    /**
     * Free ports for tests that must not collide with a running suite. All seven are held open until each
     * is chosen: a port closed at once may be handed out again, and two applications given the same port
     * would take each other's health checks.
     */
    static Ports ephemeral() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                held.add(listenerBelowEphemeralRange());
            }
            int[] p = held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used
                }
            }
        }
    }

    /**
     * A listening socket on a free port below the system's ephemeral range, from which outgoing connections
     * take their local ports. A port in that range, while its application is down (killed, restarting), can be
     * taken by any outgoing connection, or by a client's own attempt to reach it, which then connects to itself
     * (TCP simultaneous open) and talks HTTP/2 to itself; the application could not listen there again.
     */
    private static ServerSocket listenerBelowEphemeralRange() {
        int below = EPHEMERAL_START;
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = FIRST_CHOSEN + ThreadLocalRandom.current().nextInt(below - FIRST_CHOSEN);
            try {
                return new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress());
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + FIRST_CHOSEN + " and " + below);
    }

    /** The start of the system's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range; else the IANA one). */
    private static int ephemeralStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > FIRST_CHOSEN + 1000 ? start : FIRST_CHOSEN + 1000;
        } catch (IOException | RuntimeException e) {
            return 49152;
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    /** One free port, below the system's ephemeral range. */
    static int free() {
        return free(Set.of());
    }

    /**
     * One free port that is none of {@code chosen}: ports chosen for applications not yet started are free
     * too, and two applications given the same one would fail to start or take each other's calls.
     */
    static int free(Set<Integer> chosen) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = listenerBelowEphemeralRange()) {
                if (!chosen.contains(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port outside the " + chosen.size() + " already chosen");
    }

    /** The seven ports. */
    Set<Integer> all() {
        return Set.of(postgres, detention, statement, gateway, detentionManagement, statementManagement, gatewayManagement);
    }
}
