package io.habeas.support.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the string field that makes a message unparseable: protobuf refuses a proto3 string that
 * is not UTF-8 (a lone UTF-16 surrogate sent as three bytes, a stray byte) without saying where.
 * This walks the wire format by the message's descriptor and names the first such field by its
 * proto path, "person.aliases[1].name", so the client learns what to fix.
 */
final class InvalidUtf8 {
    private static final int MAX_DEPTH = 32;

    private InvalidUtf8() {
    }

    /** The path of the first string field that is not UTF-8; empty when there is none or the bytes are not a message. */
    static Optional<String> field(Descriptor type, byte[] message) {
        try {
            return walk(type, CodedInputStream.newInstance(message), "", 0);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> walk(Descriptor type, CodedInputStream in, String prefix, int depth) throws IOException {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
            boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            if (field == null || !delimited || depth > MAX_DEPTH
                    || (field.getType() != FieldDescriptor.Type.STRING && field.getType() != FieldDescriptor.Type.MESSAGE)) {
                in.skipField(tag);
                continue;
            }
            int index = seen.merge(field.getNumber(), 1, Integer::sum) - 1;
            String path = prefix + field.getName() + (field.isRepeated() ? "[" + index + "]" : "");
            byte[] bytes = in.readByteArray();
            if (field.getType() == FieldDescriptor.Type.STRING) {
                if (!isUtf8(bytes)) {
                    return Optional.of(path);
                }
            } else {
                Optional<String> inner = walk(field.getMessageType(), CodedInputStream.newInstance(bytes), path + ".", depth + 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    /** The JDK's decoder refuses what protobuf refuses: malformed bytes, overlongs and encoded surrogates. */
    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
