package io.habeas.support.grpc;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;

/**
 * A write's answer as the request log keeps it, and the answer a retry gets from it. The log keeps
 * no record: each resource in the answer is reduced to its name. A retry reads each one again
 * with the caller's clearance now ({@link CurrentRecords}), so it shows the record as it is, and
 * never what the caller may no longer see.
 */
public final class ReplayedAnswers {
    private ReplayedAnswers() {
    }

    /** The answer with every resource in it reduced to its name. */
    public static <M extends Message> M namesOnly(M answer) {
        return rewrite(answer, resource -> {
            MessageShape shape = MessageShape.of(resource.getDescriptorForType());
            return resource.newBuilderForType().setField(shape.nameField(), shape.name(resource)).build();
        });
    }

    /** The stored answer with every resource read again as the caller's Get gives it now. */
    public static <M extends Message> M reread(M stored, CurrentRecords records) {
        return rewrite(stored, resource -> {
            String name = MessageShape.of(resource.getDescriptorForType()).name(resource);
            if (name.isEmpty()) {
                return resource;
            }
            Message current = records.read(name);
            if (current.getDescriptorForType() != resource.getDescriptorForType()) {
                throw new IllegalStateException("a " + resource.getDescriptorForType().getFullName() + " was read back as a "
                        + current.getDescriptorForType().getFullName());
            }
            return current;
        });
    }

    private interface Resources {
        Message replace(Message resource);
    }

    @SuppressWarnings("unchecked")
    private static <M extends Message> M rewrite(M message, Resources resources) {
        Message.Builder builder = message.toBuilder();
        for (FieldDescriptor field : MessageShape.of(message.getDescriptorForType()).messageFields()) {
            List<Message> values = MessageShape.children(message, field);
            if (values.isEmpty()) {
                continue;
            }
            builder.clearField(field);
            for (Message value : values) {
                Message replaced = MessageShape.of(value.getDescriptorForType()).isResource()
                        ? resources.replace(value) : rewrite(value, resources);
                if (field.isRepeated()) {
                    builder.addRepeatedField(field, replaced);
                } else {
                    builder.setField(field, replaced);
                }
            }
        }
        return (M) builder.build();
    }
}
