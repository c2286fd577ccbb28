package io.habeas.gateway.access;

import io.habeas.common.v1.RecordState;
import io.habeas.detention.v1.Person;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.proto.CommonProtos;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the caller may see, by the clearance of their own verified token (the kernel's one mapping
 * from roles). The services already filter by it; the gateway checks again, so that a backend that
 * answers more than the caller may see still leaks nothing. A caller without a Habeas role, or
 * with no verified identity, sees nothing. Unspecified counts as RESTRICTED, as the services store it.
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    SecurityIdentity caller;

    public Clearance clearance() {
        return caller.isAnonymous() ? Clearance.NONE : Clearance.of(caller.getRoles());
    }

    public boolean visible(io.habeas.common.v1.AccessLevel level) {
        return clearance().clears(CommonProtos.accessLevel(level));
    }

    /**
     * A person the caller may be shown: one their clearance reads that is not retracted. A retracted
     * person is absent, as an unknown one; a state this build does not know counts as retracted (fail
     * closed), unspecified as active (a backend that predates person retraction).
     */
    public boolean shown(Person person) {
        RecordState state = person.getState();
        return visible(person.getAccessLevel())
                && (state == RecordState.RECORD_STATE_ACTIVE || state == RecordState.RECORD_STATE_UNSPECIFIED);
    }

    /** Whether the caller is an admin: only admins are shown who made a change (staff identities are not for dashboards). */
    public boolean isAdmin() {
        return clearance().isAdmin();
    }

    /** What a cursor is bound to besides its query: the caller's subject and the level they read. */
    public String reader() {
        return (caller.isAnonymous() ? "anonymous" : caller.getPrincipal().getName()) + "|" + clearance().binding();
    }
}
