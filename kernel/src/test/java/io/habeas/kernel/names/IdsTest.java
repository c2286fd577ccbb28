package io.habeas.kernel.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0190a0e0-0000-7000-8000-000000000000", "0190A0E0-0000-7000-8000-00000000ABCD"})
    void readsACanonicalUuidInAnyCase(String text) {
        assertEquals(Optional.of(UUID.fromString(text)), Ids.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1-2-3-4-5", "ibadoglu", "{0190a0e0-0000-7000-8000-000000000000}",
            "0190a0e0-0000-7000-8000-000000000000 ", "0190a0e000007000800000000000000", "0190a0e0-0000-7000-8000-00000000000g"})
    void refusesAnythingElse(String text) {
        assertTrue(Ids.parse(text).isEmpty());
    }

    @Test
    void refusesNull() {
        assertTrue(Ids.parse(null).isEmpty());
    }
}
