package io.habeas.kernel.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.StringValue;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.NameResolverRegistry;
import io.grpc.stub.ClientCalls;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StaticAddressesTest {

    @Test
    void spreadsCallsOverEveryListedInstance() throws Exception {
        try (Things.Instance first = new Things.Instance("first"); Things.Instance second = new Things.Instance("second")) {
            ManagedChannel channel = Things.channelTo(first, second);
            try {
                // Until both connections are up, round_robin picks among the ready ones only.
                for (int i = 0; i < 50 && (first.attempts.get() == 0 || second.attempts.get() == 0); i++) {
                    get(channel);
                }
                int firstBefore = first.attempts.get();
                int secondBefore = second.attempts.get();
                for (int i = 0; i < 10; i++) {
                    get(channel);
                }
                assertEquals(5, first.attempts.get() - firstBefore);
                assertEquals(5, second.attempts.get() - secondBefore);
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }

    private static void get(ManagedChannel channel) {
        ClientCalls.blockingUnaryCall(channel, Things.GET, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS),
                StringValue.of("x"));
    }

    @Test
    void isGivenToItsChannelOnlyAndNeverRegisteredForOthers() throws Exception {
        try (Things.Instance only = new Things.Instance("only")) {
            Things.channelTo(only).shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        assertEquals("dns", NameResolverRegistry.getDefaultRegistry().getDefaultScheme());
        assertNull(NameResolverRegistry.getDefaultRegistry().getProviderForScheme(StaticAddresses.SCHEME));
    }

    @Test
    void aResolverWithoutItsListAndAListWithoutTheResolverAreRefused() {
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget("static://detention");
        IllegalStateException noList = assertThrows(IllegalStateException.class,
                () -> StaticAddresses.use("detention", StaticAddresses.SCHEME, Optional.of(" "), builder));
        assertTrue(noList.getMessage().contains("habeas.grpc.clients.detention.addresses"), noList.getMessage());
        assertThrows(IllegalStateException.class,
                () -> StaticAddresses.use("detention", "dns", Optional.of("127.0.0.1:9101"), builder));
        StaticAddresses.use("detention", "dns", Optional.empty(), builder);
    }

    @Test
    void readsHostAndPortPairs() {
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 9101), new InetSocketAddress("localhost", 9111)),
                StaticAddresses.parse("127.0.0.1:9101, localhost:9111"));
        for (String malformed : List.of("127.0.0.1", "127.0.0.1:port", "127.0.0.1:9101,", ":9101x")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> StaticAddresses.parse(malformed), malformed);
            assertTrue(refused.getMessage().startsWith("not a host:port address"), refused.getMessage());
        }
    }
}
