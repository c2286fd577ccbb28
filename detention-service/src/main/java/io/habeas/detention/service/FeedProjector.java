package io.habeas.detention.service;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.domain.FeedItemKind;
import io.habeas.kernel.time.PartialDate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Keeps feed entries in step with the records, in the same transaction as each write. */
@ApplicationScoped
class FeedProjector {

    void detentionChanged(Detention detention) {
        if (!detention.isActive()) {
            FeedEntry.delete("detentionId", detention.id);
            return;
        }
        upsert(FeedItemKind.DETENTION_STARTED, detention.id, FeedEntry.NO_STATUS_CHANGE, detention, detention.startDate);
        FeedEntry.update("detainingCountry = ?1 where detentionId = ?2", detention.detainingCountry, detention.id);
    }

    void custodyEventChanged(CustodyEvent event, Detention detention) {
        if (!event.isActive()) {
            FeedEntry.delete("recordId", event.id);
            return;
        }
        upsert(FeedItemKind.CUSTODY_EVENT, event.id, FeedEntry.NO_STATUS_CHANGE, detention, event.occurredOn);
    }

    void chargeChanged(Charge charge, Detention detention) {
        if (!charge.isActive()) {
            FeedEntry.delete("recordId", charge.id);
            return;
        }
        upsert(FeedItemKind.CHARGE_FILED, charge.id, FeedEntry.NO_STATUS_CHANGE, detention, charge.filedOn);
        for (int i = 0; i < charge.statusHistory.size(); i++) {
            upsert(FeedItemKind.CHARGE_STATUS_CHANGED, charge.id, i, detention, charge.statusHistory.get(i).effectiveOn());
        }
    }

    private static void upsert(FeedItemKind kind, UUID recordId, int statusChangeIndex, Detention detention, PartialDate date) {
        FeedEntry entry = FeedEntry.<FeedEntry>find("recordId = ?1 and statusChangeIndex = ?2", recordId, statusChangeIndex)
                .firstResult();
        if (entry == null) {
            entry = new FeedEntry();
            entry.kind = kind;
            entry.recordId = recordId;
            entry.statusChangeIndex = statusChangeIndex;
            if (statusChangeIndex == FeedEntry.NO_STATUS_CHANGE) {
                entry.id = recordId;
            }
            entry.place(detention, date);
            entry.persist();
        } else {
            entry.place(detention, date);
        }
    }
}
