package io.habeas.support.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Applies an update mask: the named top-level fields of the request replace those of the record. */
public final class FieldMasks {
    private FieldMasks() {
    }

    @SuppressWarnings("unchecked")
    public static <M extends Message> M merge(M current, M incoming, FieldMask mask, Set<String> updatable) {
        List<FieldViolation> violations = new ArrayList<>();
        if (mask.getPathsCount() == 0) {
            violations.add(new FieldViolation("update_mask", "name the fields to change, any of " + updatable));
        }
        for (int i = 0; i < mask.getPathsCount(); i++) {
            if (!updatable.contains(mask.getPaths(i))) {
                violations.add(new FieldViolation("update_mask.paths[" + i + "]",
                        "cannot update " + mask.getPaths(i) + "; updatable: " + updatable));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
        Message.Builder merged = current.toBuilder();
        for (String path : mask.getPathsList()) {
            FieldDescriptor field = current.getDescriptorForType().findFieldByName(path);
            merged.clearField(field);
            if (field.isRepeated() || incoming.hasField(field)) {
                merged.setField(field, incoming.getField(field));
            }
        }
        return (M) merged.build();
    }
}
