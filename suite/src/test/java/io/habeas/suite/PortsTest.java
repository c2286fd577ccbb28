package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;

class PortsTest {

    @RepeatedTest(20)
    void theSevenEphemeralPortsAreDistinct() {
        Ports ports = Ports.ephemeral();
        List<Integer> all = List.of(ports.postgres(), ports.detention(), ports.statement(), ports.gateway(),
                ports.detentionManagement(), ports.statementManagement(), ports.gatewayManagement());
        Set<Integer> distinct = new HashSet<>(all);
        assertEquals(all.size(), distinct.size(), all.toString());
        assertTrue(all.stream().allMatch(port -> port < Ports.EPHEMERAL_START && Ports.isFree(port)),
                "free and below the ephemeral range, where no outgoing connection takes them: " + all);
    }

    @RepeatedTest(5)
    void aFreePortIsNoneOfThoseAlreadyChosen() {
        Set<Integer> even = new HashSet<>();
        for (int port = 20000; port < Ports.EPHEMERAL_START; port += 2) {
            even.add(port);
        }
        int port = Ports.free(even);
        assertTrue(port % 2 == 1 && port < Ports.EPHEMERAL_START, "an odd port was chosen: " + port);
    }

    @RepeatedTest(5)
    void aSingleFreePortIsBelowTheEphemeralRangeToo() {
        int port = Ports.free();
        assertTrue(port < Ports.EPHEMERAL_START && Ports.isFree(port), port + " of " + Ports.EPHEMERAL_START);
    }
}
