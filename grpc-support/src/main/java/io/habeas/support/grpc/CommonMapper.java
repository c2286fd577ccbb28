package io.habeas.support.grpc;

import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import io.habeas.common.v1.DatePrecision;
import io.habeas.common.v1.Source;
import io.habeas.support.records.AccessLevel;
import io.habeas.support.records.PartialDate;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.records.SourceReliability;
import java.time.OffsetDateTime;
import java.util.List;

/** Proto <-> domain for the types every resource shares. */
public final class CommonMapper {
    private CommonMapper() {
    }

    public static PartialDate date(io.habeas.common.v1.PartialDate date) {
        return new PartialDate(date.getYear(), date.getMonth() == 0 ? null : date.getMonth(),
                date.getDay() == 0 ? null : date.getDay());
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

    public static List<SourceCitation> sources(List<Source> sources) {
        return sources.stream().map(s -> new SourceCitation(s.getPublisher(), s.getTitle(), emptyToNull(s.getUrl()),
                s.hasPublishedOn() ? date(s.getPublishedOn()) : null,
                toDomain(s.getReliability(), SourceReliability.class),
                toDomain(s.getAccessLevel(), AccessLevel.class))).toList();
    }

    public static List<Source> sourcesToProto(List<SourceCitation> sources) {
        return sources.stream().map(s -> {
            Source.Builder source = Source.newBuilder().setPublisher(s.publisher()).setTitle(s.title())
                    .setAccessLevel(io.habeas.common.v1.AccessLevel.forNumber(toNumber(
                            AccessLevel.orDefault(s.accessLevel()), io.habeas.common.v1.AccessLevel.getDescriptor())));
            if (s.url() != null) {
                source.setUrl(s.url());
            }
            if (s.publishedOn() != null) {
                source.setPublishedOn(date(s.publishedOn()));
            }
            if (s.reliability() != null) {
                source.setReliability(io.habeas.common.v1.SourceReliability.forNumber(
                        toNumber(s.reliability(), io.habeas.common.v1.SourceReliability.getDescriptor())));
            }
            return source.build();
        }).toList();
    }

    public static AccessLevel accessLevel(io.habeas.common.v1.AccessLevel level) {
        return toDomain(level, AccessLevel.class);
    }

    public static io.habeas.common.v1.AccessLevel accessLevel(AccessLevel level) {
        return io.habeas.common.v1.AccessLevel.forNumber(toNumber(level, io.habeas.common.v1.AccessLevel.getDescriptor()));
    }

    /** A proto enum value to the domain constant of the same name without the type prefix; zero or unknown is null. */
    public static <D extends Enum<D>> D toDomain(ProtocolMessageEnum value, Class<D> type) {
        if (value.getNumber() <= 0 || ((Enum<?>) value).name().equals("UNRECOGNIZED")) {
            return null;
        }
        String name = value.getValueDescriptor().getName();
        return Enum.valueOf(type, name.substring(prefix(value.getDescriptorForType()).length()));
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
