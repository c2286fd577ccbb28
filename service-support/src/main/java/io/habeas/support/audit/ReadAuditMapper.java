package io.habeas.support.audit;

import io.habeas.kernel.proto.CommonProtos;

/** A stored read audit entry as habeas.audit.v1.ReadAuditEntry. */
public final class ReadAuditMapper {
    private ReadAuditMapper() {
    }

    public static io.habeas.audit.v1.ReadAuditEntry toProto(ReadAuditEntry entry) {
        return io.habeas.audit.v1.ReadAuditEntry.newBuilder()
                .setPrincipal(entry.principal)
                .setResource(entry.resource)
                .setMethod(entry.method)
                .setReadTime(CommonProtos.timestamp(entry.readAt))
                .build();
    }
}
