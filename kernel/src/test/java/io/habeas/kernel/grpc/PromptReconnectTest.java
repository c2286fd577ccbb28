package io.habeas.kernel.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PromptReconnectTest {
    private static final Duration WATCHED = Duration.ofSeconds(3);

    /**
     * An address that takes every connection and drops it before HTTP/2 starts, as a process that is
     * still starting might: each attempt fails, and grpc-java waits longer before the next one.
     */
    static final class DroppingListener implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger attempts = new AtomicInteger();

        DroppingListener() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        attempts.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static int attemptsWithin(Duration watched, boolean prompt) throws Exception {
        try (DroppingListener listener = new DroppingListener()) {
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", listener.socket.getLocalPort())
                    .defaultLoadBalancingPolicy("round_robin").usePlaintext().build();
            PromptReconnect reconnect = prompt ? PromptReconnect.of(List.of(channel), Duration.ofMillis(100)) : null;
            try {
                assertEquals(ConnectivityState.IDLE, channel.getState(true));
                Thread.sleep(watched.toMillis());
                return listener.attempts.get();
            } finally {
                if (reconnect != null) {
                    reconnect.close();
                }
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aFailedConnectionIsTriedAgainEveryIntervalInsteadOfAfterAGrowingBackoff() throws Exception {
        // grpc-java alone: at 0 s, about 1 s and about 2.6 s (backoff 1 s, times 1.6, 20% jitter).
        int alone = attemptsWithin(WATCHED, false);
        int prompt = attemptsWithin(WATCHED, true);
        assertTrue(alone <= 4, "grpc-java alone tried " + alone + " times");
        assertTrue(prompt >= 15, "with a reset every 100 ms: " + prompt + " attempts in " + WATCHED);
    }

    @Test
    void refusesAChannelItCannotHasten() {
        Channel plain = new Channel() {
            @Override
            public <Q, R> io.grpc.ClientCall<Q, R> newCall(io.grpc.MethodDescriptor<Q, R> method, io.grpc.CallOptions options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String authority() {
                return "plain";
            }
        };
        assertThrows(IllegalArgumentException.class, () -> PromptReconnect.of(List.of(plain), PromptReconnect.INTERVAL));
    }
}
