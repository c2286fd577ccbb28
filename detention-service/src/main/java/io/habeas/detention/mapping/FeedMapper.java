package io.habeas.detention.mapping;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.domain.Incident;
import io.habeas.detention.service.DetentionView;
import io.habeas.detention.service.FeedService;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.proto.CommonProtos;
import java.time.LocalDate;

public final class FeedMapper {
    private FeedMapper() {
    }

    /** The item as the reader sees it; the reader clears the entry's level, which the feed query made sure of. */
    public static FeedItem toProto(FeedService.Item item, Clearance reader, LocalDate today) {
        FeedEntry entry = item.entry();
        var proto = FeedItem.newBuilder()
                .setKind(FeedItemKind.forNumber(CommonProtos.toNumber(entry.kind, FeedItemKind.getDescriptor())))
                .setDate(CommonProtos.date(entry.date))
                .setPerson(PersonName.of(entry.personId).toString())
                .setDetainingCountry(entry.detainingCountry)
                .setAccessLevel(CommonProtos.accessLevel(entry.accessLevel));
        if (entry.detentionId != null) {
            proto.setDetentionName(DetentionName.of(entry.detentionId).toString());
        }
        if (entry.placedAt != null) {
            proto.setPlacedAt(CommonProtos.date(entry.placedAt));
        }
        if (item.record() instanceof Detention d) {
            proto.setDetention(DetentionMapper.toProto(new DetentionView(d, item.outcome()), reader, today));
        } else if (item.record() instanceof CustodyEvent e) {
            proto.setCustodyEvent(DetentionMapper.toProto(e, reader));
        } else if (item.record() instanceof Charge c) {
            proto.setCharge(DetentionMapper.toProto(c, reader, item.linked()))
                    .setStatusChangeIndex(Math.max(0, entry.statusChangeIndex));
        } else if (item.record() instanceof CourtEvent k) {
            proto.setCourtEvent(CourtEventMapper.toProto(k, reader, item.linked()));
        } else if (item.record() instanceof Incident i) {
            proto.setIncident(IncidentMapper.toProto(i, reader));
        }
        return proto.build();
    }

    /** The item with its record reduced to its name: one the reader saw, whose record it may no longer read. */
    public static FeedItem withRecordNameOnly(FeedItem item) {
        var reduced = item.toBuilder();
        switch (item.getRecordCase()) {
            case DETENTION -> reduced.setDetention(io.habeas.detention.v1.Detention.newBuilder().setName(item.getDetention().getName()));
            case CUSTODY_EVENT -> reduced.setCustodyEvent(io.habeas.detention.v1.CustodyEvent.newBuilder().setName(item.getCustodyEvent().getName()));
            case CHARGE -> reduced.setCharge(io.habeas.detention.v1.Charge.newBuilder().setName(item.getCharge().getName()));
            case INCIDENT -> reduced.setIncident(io.habeas.detention.v1.Incident.newBuilder().setName(item.getIncident().getName()));
            case COURT_EVENT -> reduced.setCourtEvent(io.habeas.detention.v1.CourtEvent.newBuilder().setName(item.getCourtEvent().getName()));
            default -> reduced.clearRecord();
        }
        return reduced.build();
    }
}
