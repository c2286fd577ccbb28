package io.habeas.support.imports;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.habeas.support.access.Caller;
import io.habeas.support.grpc.FieldMasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A re-imported record against the stored one, as an update naming every updatable field would
 * merge them. A level left unspecified keeps the stored level; changing a level needs an admin,
 * as in every Update*.
 */
@ApplicationScoped
public class Reconciliation {
    @Inject
    Caller caller;

    /** The stored record with the import's fields, and the fields that differ. */
    public record Merge<P extends Message>(P merged, FieldMask changed) {
    }

    /** The merged record when it differs from the stored one; empty when the import changes nothing. */
    public <P extends Message> Optional<P> changes(P stored, P incoming, Set<String> updatable) {
        return merge(stored, incoming, updatable).map(Merge::merged);
    }

    /** As {@link #changes}, naming the fields that differ, for an update that reads them (a charge's article). */
    public <P extends Message> Optional<Merge<P>> merge(P stored, P incoming, Set<String> updatable) {
        P sent = withLevel(stored, incoming);
        P merged = FieldMasks.merge(stored, sent, FieldMask.newBuilder().addAllPaths(new TreeSet<>(updatable)).build(),
                updatable);
        Message before = asSent(stored);
        Message after = asSent(merged);
        FieldMask.Builder changed = FieldMask.newBuilder();
        for (String path : new TreeSet<>(updatable)) {
            FieldDescriptor field = stored.getDescriptorForType().findFieldByName(path);
            if (!Objects.equals(before.getField(field), after.getField(field))) {
                changed.addPaths(path);
            }
        }
        return changed.getPathsCount() == 0 ? Optional.empty() : Optional.of(new Merge<>(merged, changed.build()));
    }

    /** The message without what the service fills in (a date's precision, an article's structure source), as a client sends it. */
    private static Message asSent(Message message) {
        Message.Builder sent = message.toBuilder();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.OUTPUT_ONLY)) {
                sent.clearField(field);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && field.isRepeated()) {
                sent.clearField(field);
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    sent.addRepeatedField(field, asSent((Message) message.getRepeatedField(field, i)));
                }
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && message.hasField(field)) {
                sent.setField(field, asSent((Message) message.getField(field)));
            }
        }
        return sent.build();
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
