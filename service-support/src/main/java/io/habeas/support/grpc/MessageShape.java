package io.habeas.support.grpc;

import com.google.api.ResourceProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.habeas.kernel.access.AccessLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the API's annotations say about one message type, read once per type: whether it is a
 * resource (google.api.resource, with its name), its access level, the fields that name other
 * resources (google.api.resource_reference) and the fields that hold messages. The read audit and
 * the replay of writes walk answers with it, so a new method or field needs no code of its own.
 */
public final class MessageShape {
    private static final String ACCESS_LEVEL_TYPE = "habeas.common.v1.AccessLevel";
    private static final Map<Descriptor, MessageShape> SHAPES = new ConcurrentHashMap<>();

    private final FieldDescriptor name;
    private final FieldDescriptor level;
    private final List<FieldDescriptor> references = new ArrayList<>();
    private final List<FieldDescriptor> messages = new ArrayList<>();

    private MessageShape(Descriptor type) {
        FieldDescriptor nameField = type.findFieldByName("name");
        name = type.getOptions().hasExtension(ResourceProto.resource) && nameField != null
                && nameField.getJavaType() == FieldDescriptor.JavaType.STRING && !nameField.isRepeated() ? nameField : null;
        FieldDescriptor levelField = type.findFieldByName("access_level");
        level = levelField != null && levelField.getJavaType() == FieldDescriptor.JavaType.ENUM && !levelField.isRepeated()
                && levelField.getEnumType().getFullName().equals(ACCESS_LEVEL_TYPE) ? levelField : null;
        for (FieldDescriptor field : type.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                messages.add(field);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.STRING
                    && field.getOptions().hasExtension(ResourceProto.resourceReference)) {
                references.add(field);
            }
        }
    }

    public static MessageShape of(Descriptor type) {
        return SHAPES.computeIfAbsent(type, MessageShape::new);
    }

    /** A resource: its type declares google.api.resource and a name field. */
    public boolean isResource() {
        return name != null;
    }

    /** A record the API levels on its own: a resource with an access_level (a claim is part of its statement). */
    public boolean isLevelledRecord() {
        return name != null && level != null;
    }

    public FieldDescriptor nameField() {
        return name;
    }

    /** The resource's name in this message, empty when unset. */
    public String name(Message message) {
        return name == null ? "" : (String) message.getField(name);
    }

    /** The message's own access level; null when it has none or leaves it unspecified. */
    public AccessLevel level(Message message) {
        if (level == null) {
            return null;
        }
        EnumValueDescriptor value = (EnumValueDescriptor) message.getField(level);
        return switch (value.getNumber()) {
            case 1 -> AccessLevel.PUBLIC;
            case 2 -> AccessLevel.RESTRICTED;
            case 3 -> AccessLevel.CONFIDENTIAL;
            default -> null;
        };
    }

    /** Every resource name the message's own reference fields hold, singular and repeated. */
    public List<String> references(Message message) {
        List<String> names = new ArrayList<>();
        for (FieldDescriptor field : references) {
            if (field.isRepeated()) {
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    names.add((String) message.getRepeatedField(field, i));
                }
            } else {
                names.add((String) message.getField(field));
            }
        }
        names.removeIf(String::isEmpty);
        return names;
    }

    public List<FieldDescriptor> messageFields() {
        return messages;
    }

    /** The messages this message holds directly, in field order; an unset singular field holds none. */
    public static List<Message> children(Message message, FieldDescriptor field) {
        if (field.isRepeated()) {
            List<Message> values = new ArrayList<>();
            for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                values.add((Message) message.getRepeatedField(field, i));
            }
            return values;
        }
        return message.hasField(field) ? List.of((Message) message.getField(field)) : List.of();
    }
}
