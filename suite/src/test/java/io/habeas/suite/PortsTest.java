package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    }
}
