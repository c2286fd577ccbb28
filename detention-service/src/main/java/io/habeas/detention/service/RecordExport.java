package io.habeas.detention.service;

import io.habeas.detention.domain.Detention;
import io.habeas.detention.domain.Person;
import io.habeas.detention.mapping.ExportMapper;
import io.habeas.detention.repository.ExportRepository;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.access.Clearance;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One chunk of an export: the next persons the caller sees, with everything under them it sees,
 * read in six statements whatever the chunk's size (the persons, then each kind of record under
 * them), in one read-only transaction.
 */
@ApplicationScoped
public class RecordExport {
    /** Persons per chunk when the request names no size, and the most it may (ImportRecords' batch limit). */
    public static final int DEFAULT_CHUNK = 100;
    public static final int MAX_CHUNK = BatchImport.MAX_RECORDS;
    private static final QueryFingerprint QUERY = QueryFingerprint.of("export");

    @Inject
    ExportRepository records;
    @Inject
    Caller caller;

    /** Checks the size and binds the token to this caller; the chunk size is for every chunk of the export. */
    public PageRequest firstChunk(int requestedSize, String token) {
        return caller.pageRequest(requestedSize, token, DEFAULT_CHUNK, MAX_CHUNK);
    }

    @Transactional
    public Page<ImportRecord> chunk(PageRequest request) {
        Clearance reader = caller.clearance();
        List<AccessLevel> levels = reader.readableLevels();
        Page<Person> persons = Pager.page(request, QUERY, Keys.ID, person -> person.id,
                (after, limit) -> records.personsAfter(after, levels, limit));
        List<UUID> personIds = persons.items().stream().map(p -> p.id).toList();
        List<Detention> detentions = records.detentions(personIds, levels);
        List<UUID> detentionIds = detentions.stream().map(d -> d.id).toList();
        var events = byParent(records.custodyEvents(detentionIds, levels), e -> e.detentionId);
        var charges = byParent(records.charges(detentionIds, levels), c -> c.detentionId);
        var courtEvents = byParent(records.courtEvents(detentionIds, levels), e -> e.detentionId);
        var branches = byParent(detentions.stream().map(d -> new ExportMapper.Branch(d, events.getOrDefault(d.id, List.of()),
                charges.getOrDefault(d.id, List.of()), courtEvents.getOrDefault(d.id, List.of()))).toList(),
                b -> b.detention().personId);
        var incidents = byParent(records.incidents(personIds, levels), i -> i.personId);
        List<ImportRecord> exported = persons.items().stream().map(p -> ExportMapper.toProto(new ExportMapper.Tree(p,
                branches.getOrDefault(p.id, List.of()), incidents.getOrDefault(p.id, List.of())), reader)).toList();
        return new Page<>(exported, persons.nextPageToken());
    }

    private static <T> Map<UUID, List<T>> byParent(List<T> records, Function<T, UUID> parent) {
        return records.stream().collect(Collectors.groupingBy(parent));
    }
}
