package io.habeas.support.grpc;

import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.revisions.Revision;

/** A stored revision's metadata as habeas.common.v1.Revision; the snapshot is the service's to map. */
public final class RevisionMapper {
    private RevisionMapper() {
    }

    public static io.habeas.common.v1.Revision toProto(Revision revision) {
        var proto = io.habeas.common.v1.Revision.newBuilder()
                .setRevisionId(revision.id.toString())
                .setCreateTime(CommonProtos.timestamp(revision.createdAt))
                .setPrincipal(revision.principal)
                .setRequestId(revision.requestId)
                .setAction(io.habeas.common.v1.RevisionAction.valueOf("REVISION_ACTION_" + revision.action.name()))
                .setAccessLevel(CommonProtos.accessLevel(revision.accessLevel));
        if (revision.reason != null) {
            proto.setReason(revision.reason);
        }
        if (revision.restoredRevisionId != null) {
            proto.setRestoredRevisionId(revision.restoredRevisionId.toString());
        }
        return proto.build();
    }
}
