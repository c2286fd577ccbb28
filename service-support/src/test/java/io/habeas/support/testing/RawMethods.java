package io.habeas.support.testing;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A method as raw bytes both ways, for sending what no stub would: bytes that are not UTF-8, a cut-off message. */
public final class RawMethods {
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private RawMethods() {
    }

    public static MethodDescriptor<byte[], byte[]> of(MethodDescriptor<?, ?> method) {
        return method.toBuilder(BYTES, BYTES).build();
    }

    /** The bytes with the first occurrence of a marker's UTF-8 overwritten by others of the same length or shorter. */
    public static byte[] overwrite(byte[] bytes, String marker, byte[] with) {
        byte[] find = marker.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + find.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + find.length, find, 0, find.length)) {
                byte[] copy = bytes.clone();
                System.arraycopy(with, 0, copy, i, with.length);
                return copy;
            }
        }
        throw new AssertionError("no " + marker);
    }
}
