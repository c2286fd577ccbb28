package io.habeas.gateway.view;

import com.google.protobuf.ProtocolMessageEnum;
import io.habeas.kernel.proto.CommonProtos;
import java.util.Locale;

/** Proto enum values as the JSON shows them: CUSTODY_STATUS_HOUSE_ARREST is "house_arrest". */
public final class EnumValues {

    private EnumValues() {
    }

    /** null for the unspecified value and for a value this build does not know. */
    public static String of(ProtocolMessageEnum value) {
        // UNRECOGNIZED has neither a number nor a descriptor: test it first.
        if (((Enum<?>) value).name().equals("UNRECOGNIZED") || value.getNumber() == 0) {
            return null;
        }
        return CommonProtos.unprefixed(value).toLowerCase(Locale.ROOT);
    }
}
