package io.habeas.kernel.proto;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.DatePrecision;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.time.PartialDate;
import java.time.OffsetDateTime;

/** habeas.common.v1 and well-known types to and from the kernel's types, for every application. */
public final class CommonProtos {
    private CommonProtos() {
    }

    /** The wire form keeps 0 for an unknown month or day; so does an unset date (year 0). */
    public static PartialDate date(io.habeas.common.v1.PartialDate date) {
        return PartialDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    /** A date that may be unset: null when the message has none (year 0). */
    public static PartialDate optionalDate(io.habeas.common.v1.PartialDate date) {
        return date == null || date.getYear() == 0 ? null : date(date);
    }

    public static io.habeas.common.v1.PartialDate date(PartialDate date) {
        if (date == null) {
            return io.habeas.common.v1.PartialDate.getDefaultInstance();
        }
        return io.habeas.common.v1.PartialDate.newBuilder()
                .setYear(date.year())
                .setMonth(date.month() == null ? 0 : date.month())
                .setDay(date.day() == null ? 0 : date.day())
                .setPrecision(DatePrecision.forNumber(date.precision().ordinal() + 1))
                .build();
    }

    /** The level as sent; null when unspecified (the caller decides the default). */
    public static AccessLevel accessLevel(io.habeas.common.v1.AccessLevel level) {
        return toDomain(level, AccessLevel.class);
    }

    public static io.habeas.common.v1.AccessLevel accessLevel(AccessLevel level) {
        return io.habeas.common.v1.AccessLevel.forNumber(toNumber(level, io.habeas.common.v1.AccessLevel.getDescriptor()));
    }

    /** A proto enum value to the domain constant of the same name without the type prefix; zero or unknown is null. */
    public static <D extends Enum<D>> D toDomain(ProtocolMessageEnum value, Class<D> type) {
        // UNRECOGNIZED (a number this build does not know) throws from getNumber(): test it first.
        if (((Enum<?>) value).name().equals("UNRECOGNIZED") || value.getNumber() <= 0) {
            return null;
        }
        return Enum.valueOf(type, unprefixed(value));
    }

    /** "CUSTODY_STATUS_HOUSE_ARREST" to "HOUSE_ARREST": the value's name without its type prefix. */
    public static String unprefixed(ProtocolMessageEnum value) {
        return value.getValueDescriptor().getName().substring(prefix(value.getDescriptorForType()).length());
    }

    /** The proto number of a domain constant; null maps to the zero value. */
    public static int toNumber(Enum<?> value, EnumDescriptor descriptor) {
        return value == null ? 0 : descriptor.findValueByName(prefix(descriptor) + value.name()).getNumber();
    }

    public static Timestamp timestamp(OffsetDateTime time) {
        return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
    }

    public static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String prefix(EnumDescriptor descriptor) {
        return descriptor.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase() + "_";
    }
}
