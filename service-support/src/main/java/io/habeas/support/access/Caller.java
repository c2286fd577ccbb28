package io.habeas.support.access;

import com.google.protobuf.FieldMask;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.errors.PermissionDeniedException;
import io.habeas.kernel.paging.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who is calling, for the service layer: the token's subject and the {@link Clearance} its roles
 * give (the groups claim, read by the kernel's one mapping). The gRPC methods' annotations decide
 * who may call a method at all; what depends on the request itself is checked here.
 */
@RequestScoped
public class Caller {
    public static final String ACCESS_LEVEL = "access_level";

    @Inject
    SecurityIdentity identity;

    public Clearance clearance() {
        return Clearance.of(identity.getRoles());
    }

    /** The token's subject (upn or sub); "anonymous" without a token. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** A page request bound to this caller: its subject and the level it reads. */
    public PageRequest pageRequest(int requested, String token, int defaultSize, int maxSize) {
        return PageRequest.of(requested, token, defaultSize, maxSize).forReader(name() + "|" + clearance().binding());
    }

    /** A correction that names access_level in its update_mask changes who may see the record: admins only. */
    public void requireAdminToChange(FieldMask mask) {
        if (mask.getPathsList().contains(ACCESS_LEVEL) && !clearance().isAdmin()) {
            throw new PermissionDeniedException("ADMIN_ROLE_REQUIRED",
                    "only an admin may change access_level; " + name() + " is " + clearance());
        }
    }
}
