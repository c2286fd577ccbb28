package io.habeas.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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

    /** Free ports chosen by the system, for tests that must not collide with a running suite. */
    static Ports ephemeral() {
        return new Ports(free(), free(), free(), free(), free(), free(), free());
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
