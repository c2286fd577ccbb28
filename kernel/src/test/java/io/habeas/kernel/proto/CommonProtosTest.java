package io.habeas.kernel.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.habeas.kernel.access.AccessLevel;
import org.junit.jupiter.api.Test;

class CommonProtosTest {

    @Test
    void anUnknownOrUnspecifiedLevelIsNullSoTheCallerDecides() {
        assertNull(CommonProtos.accessLevel(io.habeas.common.v1.AccessLevel.UNRECOGNIZED));
        assertNull(CommonProtos.accessLevel(io.habeas.common.v1.AccessLevel.ACCESS_LEVEL_UNSPECIFIED));
        assertEquals(AccessLevel.CONFIDENTIAL,
                CommonProtos.accessLevel(io.habeas.common.v1.AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
    }
}
