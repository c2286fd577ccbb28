package io.habeas.detention.mapping;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.service.FeedService;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.FeedItemKind;
import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.proto.CommonProtos;
import java.time.LocalDate;

public final class FeedMapper {
    private FeedMapper() {
    }

    public static FeedItem toProto(FeedService.Item item, LocalDate today) {
        FeedEntry entry = item.entry();
        var proto = FeedItem.newBuilder()
                .setKind(FeedItemKind.forNumber(CommonProtos.toNumber(entry.kind, FeedItemKind.getDescriptor())))
                .setDate(CommonProtos.date(entry.date))
                .setPerson(PersonName.of(entry.personId).toString())
                .setDetainingCountry(entry.detainingCountry)
                .setDetentionName(DetentionName.of(entry.detentionId).toString())
                .setAccessLevel(CommonProtos.accessLevel(item.accessLevel()));
        if (item.record() instanceof Detention d) {
            proto.setDetention(DetentionMapper.toProto(d, today));
        } else if (item.record() instanceof CustodyEvent e) {
            proto.setCustodyEvent(DetentionMapper.toProto(e));
        } else if (item.record() instanceof Charge c) {
            proto.setCharge(DetentionMapper.toProto(c)).setStatusChangeIndex(Math.max(0, entry.statusChangeIndex));
        }
        return proto.build();
    }
}
