package io.habeas.kernel.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClearanceTest {

    @Test
    void eachRoleReadsUpToItsLevel() {
        assertEquals(Optional.of(AccessLevel.PUBLIC), Clearance.of(Role.VIEWER).level());
        assertEquals(Optional.of(AccessLevel.RESTRICTED), Clearance.of(Role.ANALYST).level());
        assertEquals(Optional.of(AccessLevel.RESTRICTED), Clearance.of(Role.RECORDER).level());
        assertEquals(Optional.of(AccessLevel.CONFIDENTIAL), Clearance.of(Role.ADMIN).level());
    }

    @Test
    void theHighestRoleCounts() {
        Clearance both = Clearance.of(List.of("viewer", "analyst"));
        assertEquals(Optional.of(AccessLevel.RESTRICTED), both.level());
        assertTrue(both.clears(AccessLevel.RESTRICTED));
        assertFalse(both.clears(AccessLevel.CONFIDENTIAL));
        assertFalse(both.mayWrite());
    }

    @Test
    void unspecifiedLevelsAreRestricted() {
        assertFalse(Clearance.of(Role.VIEWER).clears(null));
        assertTrue(Clearance.of(Role.ANALYST).clears(null));
    }

    @Test
    void writersAndAdmins() {
        assertTrue(Clearance.of(Role.RECORDER).mayWrite());
        assertFalse(Clearance.of(Role.RECORDER).isAdmin());
        assertTrue(Clearance.of(Role.ADMIN).mayWrite());
        assertTrue(Clearance.of(Role.ADMIN).isAdmin());
        assertFalse(Clearance.of(Role.ANALYST).mayWrite());
    }

    @Test
    void groupsThatNameNoRoleClearNothing() {
        Clearance none = Clearance.of(List.of("editors", "", "root"));
        assertEquals(Clearance.NONE, none);
        assertEquals(Optional.empty(), none.level());
        assertFalse(none.clears(AccessLevel.PUBLIC));
        assertFalse(none.mayWrite());
        assertEquals(Set.of(), none.roles());
    }

    @Test
    void claimsAreTheRoleNames() {
        for (Role role : Role.values()) {
            assertEquals(Optional.of(role), Role.fromClaim(role.claim()));
            assertEquals(Optional.of(role), Role.fromClaim(role.claim().toUpperCase()));
        }
        assertEquals("viewer", Role.Names.VIEWER);
        assertEquals(Optional.empty(), Role.fromClaim(null));
    }

    @Test
    void readableLevelsAreThoseCleared() {
        assertEquals(List.of(AccessLevel.PUBLIC), Clearance.of(Role.VIEWER).readableLevels());
        assertEquals(List.of(AccessLevel.PUBLIC, AccessLevel.RESTRICTED), Clearance.of(Role.RECORDER).readableLevels());
        assertEquals(List.of(AccessLevel.values()), Clearance.of(Role.VIEWER, Role.ADMIN).readableLevels());
        assertEquals(List.of(), Clearance.NONE.readableLevels());
    }

    @Test
    void bindingsDifferByLevelReadOnly() {
        assertEquals(Clearance.of(Role.ANALYST).binding(), Clearance.of(Role.RECORDER).binding());
        assertEquals(Set.of("NONE", "PUBLIC", "RESTRICTED", "CONFIDENTIAL"), Set.of(Clearance.NONE.binding(),
                Clearance.of(Role.VIEWER).binding(), Clearance.of(Role.ANALYST).binding(), Clearance.of(Role.ADMIN).binding()));
    }
}
