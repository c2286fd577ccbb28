package io.habeas.statement.service;

import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.names.PersonName;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.kernel.time.PartialDate;
import io.habeas.statement.domain.Actor;
import io.habeas.statement.repository.ReleaseCallRepository.CallScope;
import io.habeas.statement.repository.ReleaseCallRepository.ReleaseCall;
import io.habeas.statement.repository.StatementRepository.Row;
import io.habeas.statement.repository.StatementRepository;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshot;
import io.habeas.support.history.Snapshots;
import io.habeas.support.validation.Countries;
import io.habeas.support.validation.DateBounds;
import io.habeas.support.validation.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Date-ordered feeds, in the order detention-service uses: the last day a date can be, then
 * finer before coarser, then recording order. One statement reads a page of the projection,
 * one loads its statements with their claims, one their answered_by links: a page costs the
 * same whatever its size, and one batch asks detention-service which persons the caller may see.
 * Only statements the caller may see whole are shown (R1), so a page may come back short; a person
 * the caller may not see has an empty feed and summary, as one nobody spoke about (R3).
 */
@ApplicationScoped
public class FeedService {
    @Inject
    StatementRepository statements;
    @Inject
    StatementService statementService;
    @Inject
    RequestValidator validator;
    @Inject
    Visibility visibility;
    @Inject
    Snapshots snapshots;
    @Inject
    CallsForRelease callsForRelease;

    /** The most persons one request may name: a country's detainees, not a whole registry. */
    static final int MAX_PERSONS = 1000;

    public Page<StatementService.Item> personClaims(String person, DateBounds range, PageRequest page, AsOf asOf) {
        UUID personId = PersonName.parse(person, "person").id();
        return claimsAbout(List.of(personId), range, page, asOf);
    }

    /** The persons of a ListClaimsAboutPersons request, checked as it checks them: 1 to 1000, well formed; distinct, sorted. */
    static List<UUID> personIds(List<String> persons) {
        if (persons.isEmpty() || persons.size() > MAX_PERSONS) {
            throw InvalidArgumentException.of("persons", "name 1 to " + MAX_PERSONS + " persons");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            ids.add(PersonName.parse(persons.get(i), "persons[" + i + "]").id());
        }
        return ids.stream().distinct().sorted().toList();
    }

    public Page<StatementService.Item> claimsAboutPersons(List<String> persons, DateBounds range, PageRequest page,
            AsOf asOf) {
        return claimsAbout(personIds(persons), range, page, asOf);
    }

    /** The persons the caller may not see are left out of the query: their claims make no empty pages. */
    private Page<StatementService.Item> claimsAbout(List<UUID> persons, DateBounds range, PageRequest page, AsOf asOf) {
        validator.check(range, "date_range");
        Set<UUID> shown = visibility.personsShown(persons, asOf);
        List<UUID> visible = persons.stream().filter(shown::contains).toList();
        return feed(QueryFingerprint.of("personClaims", persons, range.start(), range.end()), range, page, asOf,
                (from, to, after, limit, at) -> visible.isEmpty() ? List.of()
                        : statements.personClaims(visible, visibility.levelNames(), from, to, after, limit, at));
    }

    public Page<StatementService.Item> countryClaims(String country, DateBounds range, PageRequest page, AsOf asOf) {
        requireCountry(country);
        return feed(QueryFingerprint.of("countryClaims", country, range.start(), range.end()), range, page, asOf,
                (from, to, after, limit, at) -> statements.countryClaims(country, visibility.levelNames(), from, to, after,
                        limit, at));
    }

    public Page<StatementService.Item> countryStatements(String country, DateBounds range, PageRequest page, AsOf asOf) {
        requireCountry(country);
        return feed(QueryFingerprint.of("countryStatements", country, range.start(), range.end()), range, page, asOf,
                (from, to, after, limit, at) -> statements.countryStatements(country, visibility.levelNames(), from, to,
                        after, limit, at));
    }

    /** One feed's rows in a date range after a keyset key, at most limit of them, as of the snapshot. */
    private interface FeedRows {
        List<Row> read(LocalDate from, LocalDate to, Keys.Timeline after, int limit, Snapshot at);
    }

    private Page<StatementService.Item> feed(QueryFingerprint query, DateBounds range, PageRequest page, AsOf asOf,
            FeedRows rows) {
        validator.check(range, "date_range");
        Snapshot at = snapshots.at(asOf);
        return Pager.page(page, asOf.bind(query), Keys.TIMELINE, Row::key,
                (after, limit) -> rows.read(range.from(), range.to(), after, limit, at))
                .map(read -> statementService.views(read, at));
    }

    /** One actor's calls for a person's release. */
    public record Caller(Actor actor, int count, PartialDate latest) {
    }

    public record ReleaseCallSummary(UUID person, int count, PartialDate first, PartialDate latest, List<Caller> callers) {
    }

    /** Calls and demands for a person's release so far: first and latest in timeline order, callers most calls first. */
    public ReleaseCallSummary releaseCalls(String person, AsOf asOf) {
        return releaseCalls(List.of(person), "person", asOf).get(0);
    }

    /**
     * The same for several persons, one per distinct person in the order asked, four statements in
     * all while their calls are in at most {@link io.habeas.support.history.InLists#MAX_IDS} statements.
     * Only the calls in statements the caller may see whole count; a person it may not see has the
     * summary of one nobody called for.
     */
    public List<ReleaseCallSummary> releaseCalls(List<String> persons, String field, AsOf asOf) {
        if (persons.isEmpty() || persons.size() > MAX_PERSONS) {
            throw InvalidArgumentException.of(field, "name 1 to " + MAX_PERSONS + " persons");
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            ids.add(PersonName.parse(persons.get(i), persons.size() == 1 && field.equals("person") ? field
                    : field + "[" + i + "]").id());
        }
        List<UUID> distinct = ids.stream().distinct().toList();
        CallsForRelease.Seen seen = callsForRelease.about(distinct, CallScope.EVERY_CALLER, snapshots.at(asOf));
        Map<UUID, List<ReleaseCall>> byPerson = seen.calls().stream()
                .collect(Collectors.groupingBy(ReleaseCall::personId, LinkedHashMap::new, Collectors.toList()));
        Map<UUID, Actor> actors = seen.actors();
        return distinct.stream().map(person -> summarize(person, byPerson.getOrDefault(person, List.of()), actors)).toList();
    }

    private static ReleaseCallSummary summarize(UUID person, List<ReleaseCall> calls, Map<UUID, Actor> actors) {
        if (calls.isEmpty()) {
            return new ReleaseCallSummary(person, 0, null, null, List.of());
        }
        return new ReleaseCallSummary(person, calls.size(), calls.get(0).madeOn(), calls.get(calls.size() - 1).madeOn(),
                callers(calls, actors));
    }

    /** Who made these calls (in timeline order): most calls first; among equals, the most recent caller first. */
    static List<Caller> callers(List<ReleaseCall> calls, Map<UUID, Actor> actors) {
        Map<UUID, List<ReleaseCall>> byActor = calls.stream()
                .collect(Collectors.groupingBy(ReleaseCall::actorId, LinkedHashMap::new, Collectors.toList()));
        List<Caller> callers = new ArrayList<>();
        Map<Caller, Integer> lastIndex = new LinkedHashMap<>();
        byActor.forEach((actorId, theirs) -> {
            Caller caller = new Caller(actors.get(actorId), theirs.size(), theirs.get(theirs.size() - 1).madeOn());
            callers.add(caller);
            lastIndex.put(caller, calls.lastIndexOf(theirs.get(theirs.size() - 1)));
        });
        callers.sort(Comparator.comparingInt(Caller::count).reversed()
                .thenComparing(Comparator.comparing((Caller c) -> lastIndex.get(c)).reversed()));
        return callers;
    }

    static void requireCountry(String country) {
        if (country == null || country.isEmpty()) {
            throw InvalidArgumentException.of("country", "is required: an ISO 3166-1 alpha-2 code");
        }
        Countries.checkFilter(country, "country");
    }
}
