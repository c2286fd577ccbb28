package io.habeas.detention.service;

import io.habeas.detention.domain.Charge;
import io.habeas.detention.domain.CourtEvent;
import io.habeas.detention.domain.CustodyEvent;
import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.DetentionOutcome;
import io.habeas.detention.domain.FeedEntry;
import io.habeas.detention.domain.FeedItemKind;
import io.habeas.detention.domain.Incident;
import io.habeas.detention.repository.FeedRepository;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshot;
import io.habeas.support.history.Snapshots;
import io.habeas.support.records.RetractableRecord;
import io.habeas.support.records.SourcedRecord;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.DateBounds;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Date-ordered feeds of everything recorded about a person or a detaining country (a person's
 * incidents are in the feed of the country whose authorities acted). One
 * statement reads a page of entries, then one statement per kind of record loads them, so a
 * page costs the same number of statements whatever its size.
 */
@ApplicationScoped
public class FeedService {
    @Inject
    PersonService persons;
    @Inject
    RequestValidator validator;
    @Inject
    FeedRepository entries;
    @Inject
    Snapshots snapshots;
    @Inject
    Caller caller;
    @Inject
    CourtEventLinks links;

    /**
     * A feed entry with the record it shows, for a detention where it stands for the caller, and what
     * the records of its page link to that the caller sees.
     */
    public record Item(FeedEntry entry, RetractableRecord record, DetentionOutcome outcome, LinkedRecords linked) {
    }

    public Page<Item> forPerson(String person, DateBounds range, PageRequest page, AsOf asOf) {
        UUID personId = persons.get(person, "person", asOf).id;
        return read(FeedRepository.Owner.PERSON, personId, "person", range, page, asOf);
    }

    public Page<Item> forCountry(String country, DateBounds range, PageRequest page, AsOf asOf) {
        Countries.checkFilter(country, "detaining_country");
        if (country == null || country.isEmpty()) {
            throw io.habeas.kernel.errors.InvalidArgumentException.of("detaining_country", "is required");
        }
        return read(FeedRepository.Owner.COUNTRY, country, "country", range, page, asOf);
    }

    private Page<Item> read(FeedRepository.Owner owner, Object ownerValue, String feed, DateBounds range, PageRequest page,
            AsOf asOf) {
        validator.check(range, "date_range");
        var levels = caller.clearance().readableLevels();
        var at = snapshots.at(asOf);
        QueryFingerprint query = asOf.bind(QueryFingerprint.of(feed, ownerValue, range.start(), range.end()));
        return Pager.<FeedRepository.Key, FeedEntry>page(page, query, FeedRepository.KEYS, FeedRepository.Key::of,
                (after, limit) -> entries.pageAfter(owner, ownerValue, levels, range.from(), range.to(), after, limit, at))
                .map(read -> withRecords(read, at));
    }

    /** Items of these entries with their records as they are now; an entry whose record is not found is left out. */
    public List<Item> itemsNow(List<FeedEntry> entries) {
        return withRecords(entries, snapshots.at(AsOf.NOW));
    }

    /** Entries whose records were not yet known at the instant (stored before history was kept) are left out. */
    private List<Item> withRecords(List<FeedEntry> entries, Snapshot at) {
        Set<UUID> started = ids(entries, Set.of(FeedItemKind.DETENTION_STARTED));
        Map<UUID, RetractableRecord> records = new HashMap<>(byId(this.entries.records(Detention.class, "detention", started, at)));
        records.putAll(byId(this.entries.records(CustodyEvent.class, "custody_event",
                ids(entries, Set.of(FeedItemKind.CUSTODY_EVENT)), at)));
        records.putAll(byId(this.entries.records(Charge.class, "charge",
                ids(entries, Set.of(FeedItemKind.CHARGE_FILED, FeedItemKind.CHARGE_STATUS_CHANGED)), at)));
        records.putAll(byId(this.entries.records(Incident.class, "incident",
                ids(entries, Set.of(FeedItemKind.INCIDENT)), at)));
        records.putAll(byId(this.entries.records(CourtEvent.class, "court_event",
                ids(entries, Set.of(FeedItemKind.COURT_EVENT)), at)));
        LinkedRecords linked = links.of(records.values(), at);
        Map<UUID, DetentionOutcome> outcomes = this.entries.outcomes(started, caller.clearance().level().orElseThrow(), at)
                .stream().collect(Collectors.toMap(o -> o.detentionId, Function.identity()));
        return entries.stream().filter(entry -> records.containsKey(entry.recordId))
                .map(entry -> new Item(entry, records.get(entry.recordId), outcomes.get(entry.recordId), linked))
                .toList();
    }

    private static Set<UUID> ids(List<FeedEntry> entries, Set<FeedItemKind> kinds) {
        return entries.stream().filter(e -> kinds.contains(e.kind)).map(e -> e.recordId).collect(Collectors.toSet());
    }

    private static <R extends SourcedRecord> Map<UUID, R> byId(List<R> records) {
        return records.stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
    }
}
