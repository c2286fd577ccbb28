package io.habeas.gateway.access;

import io.habeas.gateway.GatewayConfig;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.proto.CommonProtos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What dashboards may see, by the kernel's visibility rule. CONFIDENTIAL records and sources never
 * leave the gateway. RESTRICTED ones are served while habeas.gateway.serve-restricted is true (the
 * default, until records are filtered by each caller's clearance, the kernel's Clearance); set it
 * to false where callers are viewers. Unspecified counts as RESTRICTED, as the services store it.
 */
@ApplicationScoped
public class AccessPolicy {

    @Inject
    GatewayConfig config;

    public boolean visible(io.habeas.common.v1.AccessLevel level) {
        AccessLevel reader = config.serveRestricted() ? AccessLevel.RESTRICTED : AccessLevel.PUBLIC;
        return reader.clears(CommonProtos.accessLevel(level));
    }
}
