package io.habeas.detention.service;

import io.habeas.detention.repository.ImportIndexRepository;
import io.habeas.detention.repository.ImportIndexRepository.KeyedTable;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.support.imports.ImportEffect;
import io.habeas.support.imports.RejectedPart;
import io.habeas.support.imports.RetriedBatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One import batch: its valid records stored in one transaction, each invalid one left out whole,
 * as {@link RetriedBatch} tries it. The checks on each part alone run first ({@link RecordImport#precheck}),
 * and a new person's record is checked whole before any of it is stored ({@link NewRecords}), so
 * only a record the single writes refuse costs a retry.
 */
@ApplicationScoped
public class BatchImport {
    /** The most records one batch may hold. */
    public static final int MAX_RECORDS = RetriedBatch.MAX_RECORDS;
    /** Tries again after another call stored an identifier of a new person while this try ran: at most this often. */
    private static final int MAX_RACES = 3;

    /** What became of one record: its effect and person, or, rejected, the part refused. */
    public record Result(int position, ImportEffect effect, String person, RejectedPart rejection) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    /** How each try runs: in one transaction, at most once per batch id. */
    public interface Tries<R> {
        R run(Supplier<List<Result>> attempt);
    }

    @Inject
    RecordImport records;
    @Inject
    ImportIndexRepository index;
    @Inject
    NewRecords newRecords;

    public <R> R run(List<ImportRecord> batch, Tries<R> tries) {
        int takenMeanwhile = 0;
        while (true) {
            try {
                return RetriedBatch.run(batch, records::precheck, rejected -> tries.run(() -> storeAll(batch, rejected)));
            } catch (RuntimeException failure) {
                NewRecords.TakenMeanwhile race = RetriedBatch.causeOf(failure, NewRecords.TakenMeanwhile.class);
                if (race == null) {
                    throw failure;
                }
                if (takenMeanwhile++ == MAX_RACES) {
                    throw (RuntimeException) race.getCause();
                }
                // the next try finds the person that took the identifier, and updates it
            }
        }
    }

    private List<Result> storeAll(List<ImportRecord> batch, Map<Integer, RejectedPart> rejected) {
        ImportIndex found = load(batch);
        NewRecords.Pending pending = new NewRecords.Pending();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RejectedPart part = rejected.get(i);
            if (part != null) {
                results.add(new Result(i, null, "", part));
                continue;
            }
            try {
                var stored = records.store(batch.get(i), found, pending);
                results.add(new Result(i, stored.effect(), stored.person(), stored.refused()));
            } catch (RejectedPart refused) {
                throw RetriedBatch.rejected(i, refused);
            }
        }
        newRecords.store(pending);
        return results;
    }

    /** The stored persons the batch's external ids name, and their keyed records: one statement per table. */
    private ImportIndex load(List<ImportRecord> batch) {
        List<ExternalId> ids = batch.stream().flatMap(r -> r.getPerson().getExternalIdsList().stream())
                .map(ExternalId::fromProto).distinct().toList();
        Map<ExternalId, UUID> holders = index.holders(ids);
        Set<UUID> persons = Set.copyOf(holders.values());
        Map<KeyedTable, Map<ImportIndexRepository.Key, UUID>> keyed = new EnumMap<>(KeyedTable.class);
        keyed.put(KeyedTable.DETENTION, index.keyed(KeyedTable.DETENTION, persons));
        keyed.put(KeyedTable.INCIDENT, index.keyed(KeyedTable.INCIDENT, persons));
        Set<UUID> detentions = Set.copyOf(keyed.get(KeyedTable.DETENTION).values());
        for (KeyedTable table : List.of(KeyedTable.CUSTODY_EVENT, KeyedTable.CHARGE, KeyedTable.COURT_EVENT)) {
            keyed.put(table, index.keyed(table, detentions));
        }
        return new ImportIndex(holders, keyed);
    }
}
