package io.habeas.kernel.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do, from the {@code groups} claim of its token. Each role reads up to its
 * {@link #clearance()}; recorders and admins also write, and only admins change access levels
 * and retract. The one place both services and the gateway take this mapping from.
 */
public enum Role {
    /** Reads PUBLIC records. */
    VIEWER(Names.VIEWER, AccessLevel.PUBLIC),
    /** Reads PUBLIC and RESTRICTED records. */
    ANALYST(Names.ANALYST, AccessLevel.RESTRICTED),
    /** Records and corrects facts; reads what an analyst reads. */
    RECORDER(Names.RECORDER, AccessLevel.RESTRICTED),
    /** Everything: reads CONFIDENTIAL records, changes access levels, retracts. */
    ADMIN(Names.ADMIN, AccessLevel.CONFIDENTIAL);

    /** The claim values, as constants for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String VIEWER = "viewer";
        public static final String ANALYST = "analyst";
        public static final String RECORDER = "recorder";
        public static final String ADMIN = "admin";

        private Names() {
        }
    }

    private final String claim;
    private final AccessLevel clearance;

    Role(String claim, AccessLevel clearance) {
        this.claim = claim;
        this.clearance = clearance;
    }

    /** The value in the token's {@code groups} claim. */
    public String claim() {
        return claim;
    }

    /** The most restricted level this role reads. */
    public AccessLevel clearance() {
        return clearance;
    }

    public boolean writes() {
        return this == RECORDER || this == ADMIN;
    }

    /** The role a claim value names; any other group is no role of Habeas's. */
    public static Optional<Role> fromClaim(String claim) {
        if (claim == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.claim.equals(claim.toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
