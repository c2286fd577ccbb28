package io.habeas.detention.service;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.FieldMasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A re-imported record against the stored one, as an update naming every updatable field would
 * merge them. A level left unspecified keeps the stored level; changing a level needs an admin,
 * as in every Update*.
 */
@ApplicationScoped
class Reconciliation {
    @Inject
    Caller caller;

    /** The merged record when it differs from the stored one; empty when the import changes nothing. */
    <P extends Message> Optional<P> changes(P stored, P incoming, Set<String> updatable) {
        P sent = withLevel(stored, incoming);
        P merged = FieldMasks.merge(stored, sent, FieldMask.newBuilder().addAllPaths(new TreeSet<>(updatable)).build(),
                updatable);
        return merged.equals(stored) ? Optional.empty() : Optional.of(merged);
    }

    @SuppressWarnings("unchecked")
    private <P extends Message> P withLevel(P stored, P incoming) {
        FieldDescriptor level = stored.getDescriptorForType().findFieldByName(Caller.ACCESS_LEVEL);
        if (((EnumValueDescriptor) incoming.getField(level)).getNumber() == 0) {
            return (P) incoming.toBuilder().setField(level, stored.getField(level)).build();
        }
        if (!incoming.getField(level).equals(stored.getField(level))) {
            caller.requireAdminToChange(FieldMask.newBuilder().addPaths(Caller.ACCESS_LEVEL).build());
        }
        return incoming;
    }
}
