package io.habeas.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed, documented ports; the run refuses to start when one is taken rather than guess another.
 * Each application also has a management port, where its health and metrics are.
 */
record Ports(int postgres, int detention, int statement, int gateway, int detentionManagement, int statementManagement,
        int gatewayManagement) {
    static Ports fromEnvironment() {
        return new Ports(port("HABEAS_POSTGRES_PORT", 15432), port("HABEAS_DETENTION_PORT", 9101),
                port("HABEAS_STATEMENT_PORT", 9102), port("HABEAS_GATEWAY_PORT", 8080),
                port("HABEAS_DETENTION_MANAGEMENT_PORT", 9201), port("HABEAS_STATEMENT_MANAGEMENT_PORT", 9202),
                port("HABEAS_GATEWAY_MANAGEMENT_PORT", 9000));
    }

    /**
     * Free ports chosen by the system, for tests that must not collide with a running suite. All seven are
     * held open until each is chosen: a port closed at once may be handed out again, and two applications
     * given the same port would take each other's health checks.
     */
    static Ports ephemeral() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            int[] p = held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
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

    /** One free port chosen by the system. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
