package io.habeas.support.audit;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.support.grpc.MessageShape;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The records one answer gives its caller, read from the answer itself by the API's annotations:
 * every levelled resource it holds (a person, a detention, a custody event, a statement...) and
 * every resource it names (a feed item's person, a statement's actor, a claim's subjects).
 *
 * <p>Some are CONFIDENTIAL by what the answer carries: a record whose own level is, one inside a
 * message that carries a CONFIDENTIAL effective level for it (a feed item, a revision), one with a
 * CONFIDENTIAL source or other levelled part. Whether the others are, through what they hang
 * under, only the service knows ({@link ConfidentialRecords}).
 *
 * @param named every record the answer holds or names, those of records it holds whole left out
 *              (a claim of a statement in the answer is part of that statement)
 * @param confidential those the answer itself shows CONFIDENTIAL
 */
public record GivenRecords(Set<String> named, Set<String> confidential) {

    public static GivenRecords of(Message answer) {
        Walk walk = new Walk();
        walk.visit(answer, null, null);
        walk.named.removeIf(name -> !walk.held.contains(name) && walk.partOfHeld(name));
        return new GivenRecords(walk.named, walk.confidential);
    }

    private static final class Walk {
        final Set<String> named = new LinkedHashSet<>();
        final Set<String> confidential = new LinkedHashSet<>();
        final Set<String> held = new LinkedHashSet<>();

        /** Whether a record the answer holds is an ancestor of this name: "statements/1" of "statements/1/claims/2". */
        boolean partOfHeld(String name) {
            int slash = -1;
            for (int part = 0; (slash = name.indexOf('/', slash + 1)) >= 0; part++) {
                if (part % 2 == 1 && held.contains(name.substring(0, slash))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * @param scope the effective level carried for what this message holds, or null
         * @param record the record this message is part of, or null outside records
         */
        void visit(Message message, AccessLevel scope, String record) {
            MessageShape shape = MessageShape.of(message.getDescriptorForType());
            AccessLevel own = shape.level(message);
            String name = shape.name(message);
            String partOf = record;
            AccessLevel inner = scope;
            if (shape.isLevelledRecord() && !name.isEmpty()) {
                inner = max(scope, own);
                held.add(name);
                named.add(name);
                if (inner == AccessLevel.CONFIDENTIAL) {
                    confidential.add(name);
                }
                partOf = name;
            } else if (record != null) {
                // A source, a status change, a claim: a CONFIDENTIAL part is a CONFIDENTIAL read of its record.
                if (own == AccessLevel.CONFIDENTIAL) {
                    confidential.add(record);
                }
            } else {
                inner = max(scope, carried(message, shape, own));
            }
            named.addAll(shape.references(message));
            for (FieldDescriptor field : shape.messageFields()) {
                for (Message child : MessageShape.children(message, field)) {
                    visit(child, inner, partOf);
                }
            }
        }

        /**
         * The level a message outside any record carries for the records it holds: its own (a feed
         * item's), or that of a message beside them (a revision's, next to its snapshot).
         */
        private static AccessLevel carried(Message message, MessageShape shape, AccessLevel own) {
            AccessLevel level = own;
            for (FieldDescriptor field : shape.messageFields()) {
                if (field.isRepeated() || !message.hasField(field)) {
                    continue;
                }
                Message beside = (Message) message.getField(field);
                MessageShape besideShape = MessageShape.of(beside.getDescriptorForType());
                if (!besideShape.isResource()) {
                    level = max(level, besideShape.level(beside));
                }
            }
            return level;
        }

        private static AccessLevel max(AccessLevel a, AccessLevel b) {
            if (a == null) {
                return b;
            }
            return b == null || a.ordinal() >= b.ordinal() ? a : b;
        }
    }
}
