package io.habeas.kernel.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one caller may read and do, from its roles: the highest {@link AccessLevel} any of them
 * clears, whether it may write, whether it is an admin. A caller with no Habeas role clears nothing.
 */
public final class Clearance {
    public static final Clearance NONE = new Clearance(EnumSet.noneOf(Role.class));

    private final EnumSet<Role> roles;

    private Clearance(EnumSet<Role> roles) {
        this.roles = roles;
    }

    /** From the {@code groups} claim's values; groups that name no role are ignored. */
    public static Clearance of(Collection<String> groups) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        groups.forEach(group -> Role.fromClaim(group).ifPresent(roles::add));
        return new Clearance(roles);
    }

    public static Clearance of(Role... roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(List.of(roles));
        return new Clearance(set);
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    /** The most restricted level the caller reads; empty when it has no role. */
    public Optional<AccessLevel> level() {
        return roles.stream().map(Role::clearance).max(Enum::compareTo);
    }

    /** Whether the caller may read a record at {@code level} (unspecified is RESTRICTED). */
    public boolean clears(AccessLevel level) {
        return level().map(highest -> highest.clears(level)).orElse(false);
    }

    /** Every level the caller reads, most open first; empty when it has no role. For queries' IN lists. */
    public List<AccessLevel> readableLevels() {
        return Arrays.stream(AccessLevel.values()).filter(this::clears).toList();
    }

    /** What a page token is bound to: the level read, so that no token crosses clearances. */
    public String binding() {
        return level().map(Enum::name).orElse("NONE");
    }

    public boolean mayWrite() {
        return roles.stream().anyMatch(Role::writes);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Clearance c && c.roles.equals(roles);
    }

    @Override
    public int hashCode() {
        return roles.hashCode();
    }

    @Override
    public String toString() {
        return "Clearance" + roles + level().map(l -> " up to " + l).orElse(" of nothing");
    }
}
