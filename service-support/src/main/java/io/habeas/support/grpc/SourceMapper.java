package io.habeas.support.grpc;

import static io.habeas.kernel.proto.CommonProtos.date;
import static io.habeas.kernel.proto.CommonProtos.emptyToNull;
import static io.habeas.kernel.proto.CommonProtos.toDomain;
import static io.habeas.kernel.proto.CommonProtos.toNumber;
import static io.habeas.kernel.text.HumanText.normalized;

import io.habeas.common.v1.Source;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.proto.CommonProtos;
import io.habeas.support.records.SourceCitation;
import io.habeas.support.records.SourceReliability;
import java.util.List;

/** Proto <-> stored form of the sources every record cites. */
public final class SourceMapper {
    private SourceMapper() {
    }

    /** The sources a client sent, their texts in NFC as they are stored and compared. */
    public static List<SourceCitation> sources(List<Source> sources) {
        return sources.stream().map(s -> new SourceCitation(normalized(s.getPublisher()), normalized(s.getTitle()),
                normalized(emptyToNull(s.getUrl())),
                s.hasPublishedOn() ? date(s.getPublishedOn()) : null,
                toDomain(s.getReliability(), SourceReliability.class),
                toDomain(s.getAccessLevel(), AccessLevel.class))).toList();
    }

    public static List<Source> sourcesToProto(List<SourceCitation> sources) {
        return sources.stream().map(s -> {
            // A citation without a level of its own goes back unspecified, so that a client resending
            // what it read never pins it to a level its record may later leave.
            Source.Builder source = Source.newBuilder().setPublisher(s.publisher()).setTitle(s.title());
            if (s.accessLevel() != null) {
                source.setAccessLevel(CommonProtos.accessLevel(s.accessLevel()));
            }
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
}
