package io.habeas.statement.service;

import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.KeyFormat;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.statement.client.DetentionEpisodes;
import io.habeas.statement.client.DetentionEpisodes.Episode;
import io.habeas.statement.repository.ReleaseCallRepository;
import io.habeas.statement.repository.ReleaseCallRepository.CallScope;
import io.habeas.statement.repository.ReleaseCallRepository.ReleaseCall;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshot;
import io.habeas.support.history.Snapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What came of the calls for release (the contract is ReleaseOutcomeService's): the calls the
 * caller may see ({@link CallsForRelease}), the persons' detentions as detention-service shows
 * them to the caller ({@link DetentionEpisodes}), matched by {@link OutcomeRules}, both read as of
 * the same instant.
 *
 * <p>Lists page over the persons with calls in the scope, in recording order, then over each
 * person's detentions: a page reads at most page_size persons, in a fixed number of statements and
 * batches to detention-service whatever their number, and holds their outcomes up to page_size. A
 * token carries the last person served, and the last detention when the page ended inside its
 * outcomes. Persons the caller may not see, and (in a detaining country's scope) detentions by
 * other countries, leave no rows, so pages may be short. Statistics walk the same persons in
 * batches of {@value #BATCH}.
 */
@ApplicationScoped
public class ReleaseOutcomeService {
    static final int BATCH = 200;

    /** After a person's outcome (detention set), or after the whole person (detention null). */
    record After(UUID person, Keys.Timeline detention) {
    }

    static final KeyFormat<After> KEYS = new KeyFormat<>(4,
            k -> k.detention() == null ? List.of(k.person().toString(), "", "", "")
                    : List.of(k.person().toString(), k.detention().sort().toString(),
                            Short.toString(k.detention().rank()), k.detention().id().toString()),
            f -> new After(UUID.fromString(f.get(0)), f.get(1).isEmpty() ? null
                    : new Keys.Timeline(LocalDate.parse(f.get(1)), Short.parseShort(f.get(2)), UUID.fromString(f.get(3)))));

    @Inject
    ReleaseCallRepository calls;
    @Inject
    CallsForRelease callsForRelease;
    @Inject
    DetentionEpisodes detentions;
    @Inject
    Visibility visibility;
    @Inject
    Snapshots snapshots;

    /** One person's outcomes, latest detention first; a person the caller may not see has none. */
    public ReleaseOutcome.OfPerson person(String person, AsOf asOf) {
        UUID id = PersonName.parse(person, "person").id();
        Snapshot at = snapshots.at(asOf);
        CallsForRelease.Seen seen = callsForRelease.about(List.of(id), CallScope.EVERY_CALLER, at);
        if (seen.calls().isEmpty()) {
            return new ReleaseOutcome.OfPerson(List.of(), 0);
        }
        List<Episode> theirs = detentions.of(List.of(id), asOf).getOrDefault(id, List.of());
        OutcomeRules.Matched matched = OutcomeRules.match(id, seen.calls(), theirs, seen.actors(), at.today());
        List<ReleaseOutcome> latestFirst = new ArrayList<>(matched.outcomes());
        java.util.Collections.reverse(latestFirst);
        return new ReleaseOutcome.OfPerson(latestFirst, matched.callsOutside());
    }

    public Page<ReleaseOutcome> list(OutcomeScope scope, PageRequest page, AsOf asOf) {
        QueryFingerprint query = asOf.bind(scope.fingerprint());
        After after = Pager.after(page, query, KEYS);
        Snapshot at = snapshots.at(asOf);
        boolean inside = after != null && after.detention() != null;
        List<UUID> persons = calls.personsCalledFor(scope.calls(), visibility.levelNames(),
                after == null ? null : after.person(), inside, page.size() + 1, at);
        List<UUID> batch = persons.subList(0, Math.min(page.size(), persons.size()));
        List<ReleaseOutcome> rows = outcomes(batch, scope, at).stream()
                .filter(row -> !inside || !row.person().equals(after.person())
                        || OutcomeRules.KEY_ORDER.compare(OutcomeRules.key(row.detention()), after.detention()) > 0)
                .toList();
        if (rows.size() > page.size()) {
            List<ReleaseOutcome> served = rows.subList(0, page.size());
            ReleaseOutcome last = served.get(served.size() - 1);
            return new Page<>(served, Pager.token(page, query, KEYS,
                    new After(last.person(), OutcomeRules.key(last.detention()))));
        }
        if (persons.size() > batch.size()) {
            return new Page<>(rows, Pager.token(page, query, KEYS, new After(batch.get(batch.size() - 1), null)));
        }
        return new Page<>(rows, "");
    }

    /** Figures over every outcome the list gives for the scope. */
    public ReleaseOutcome.Statistics statistics(OutcomeScope scope, AsOf asOf) {
        Snapshot at = snapshots.at(asOf);
        OutcomeRules.Tally tally = new OutcomeRules.Tally();
        UUID after = null;
        List<UUID> persons;
        do {
            persons = calls.personsCalledFor(scope.calls(), visibility.levelNames(), after, false, BATCH, at);
            outcomes(persons, scope, at).forEach(tally::add);
            after = persons.isEmpty() ? null : persons.get(persons.size() - 1);
        } while (persons.size() == BATCH);
        return tally.result();
    }

    /** The outcomes in the scope of these persons (in their order), then by detention start. */
    private List<ReleaseOutcome> outcomes(List<UUID> persons, OutcomeScope scope, Snapshot at) {
        if (persons.isEmpty()) {
            return List.of();
        }
        CallsForRelease.Seen seen = callsForRelease.about(persons, scope.calls(), at);
        Map<UUID, List<ReleaseCall>> byPerson = seen.calls().stream()
                .collect(Collectors.groupingBy(ReleaseCall::personId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, List<Episode>> theirs = detentions.of(byPerson.keySet(), at.asOf());
        List<ReleaseOutcome> rows = new ArrayList<>();
        for (UUID person : persons) {
            List<ReleaseCall> called = byPerson.get(person);
            if (called != null) {
                OutcomeRules.match(person, called, theirs.getOrDefault(person, List.of()), seen.actors(), at.today())
                        .outcomes().stream().filter(scope::keeps).forEach(rows::add);
            }
        }
        return rows;
    }
}
