package io.habeas.statement.service;

import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.identifiers.ExternalId;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.client.DetentionPersons;
import io.habeas.statement.mapping.StatementMapper;
import io.habeas.statement.repository.ImportIndexRepository;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.support.imports.ImportEffect;
import io.habeas.support.imports.RejectedPart;
import io.habeas.support.imports.RetriedBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One import batch of actors and statements: its valid records stored in one transaction, each
 * invalid one left out whole, as {@link RetriedBatch} tries it. The persons its records name are
 * asked of detention-service in one go before any transaction, as CreateStatement asks them; the
 * writes then read the answers kept for the request.
 */
@ApplicationScoped
public class BatchImport {
    /** The most distinct persons one batch may name: what detention-service is asked within one deadline. */
    public static final int MAX_PERSONS = 5000;

    /** What became of one record: its effect, name and claims, or, rejected, the part refused. */
    public record Result(int position, ImportEffect effect, String name, List<String> claims, RejectedPart rejection) {
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
    NewStatements newStatements;
    @Inject
    ImportIndexRepository index;
    @Inject
    DetentionPersons detention;
    @Inject
    EntityManager entityManager;

    public <R> R run(List<ImportRecord> batch, Tries<R> tries) {
        Set<String> keys = new HashSet<>();
        detention.forget(); // each batch asks afresh; its tries reuse the answers
        return RetriedBatch.run(batch, record -> {
            records.precheck(record);
            requireNewKey(record, keys);
        }, rejected -> {
            vouchFor(batch, rejected);
            return tries.run(() -> storeAll(batch, rejected));
        });
    }

    /** A key a record before it in the batch holds is the later record's error. */
    private static void requireNewKey(ImportRecord record, Set<String> keys) {
        String key = record.getStatement().getImportKey();
        if (record.hasStatement() && !key.isEmpty() && !keys.add(key)) {
            throw new RejectedPart(RecordImport.STATEMENT, InvalidArgumentException.of("import_key",
                    "repeats the import_key of an earlier record of this batch"));
        }
    }

    /** The persons of the records not rejected, asked for the whole batch; a retry asks nothing new. */
    private void vouchFor(List<ImportRecord> batch, Map<Integer, RejectedPart> rejected) {
        Set<UUID> persons = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            ImportRecord record = batch.get(i);
            if (rejected.containsKey(i)) {
                continue;
            }
            if (record.hasActor() && !record.getActor().getPerson().isEmpty()) {
                persons.add(PersonName.parse(record.getActor().getPerson(), "actor.person").id());
            } else if (record.hasStatement()) {
                persons.addAll(StatementService.persons(StatementMapper.toDraft(record.getStatement().getStatement())));
            }
        }
        if (persons.size() > MAX_PERSONS) {
            throw InvalidArgumentException.of("records", "name " + persons.size() + " distinct persons; a batch names at most "
                    + MAX_PERSONS + ": split it");
        }
        detention.visible(persons);
    }

    private List<Result> storeAll(List<ImportRecord> batch, Map<Integer, RejectedPart> rejected) {
        ImportIndex found = load(batch);
        NewStatements.Pending pending = new NewStatements.Pending();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            RejectedPart part = rejected.get(i);
            if (part != null) {
                results.add(new Result(i, null, "", List.of(), part));
                continue;
            }
            try {
                var stored = records.store(batch.get(i), found, pending);
                results.add(new Result(i, stored.effect(), stored.name(), stored.claims(), null));
            } catch (RejectedPart refused) {
                throw RetriedBatch.rejected(i, refused);
            }
            // Each query flushes the session first, checking every entity it holds: let go of the stored records.
            entityManager.flush();
            entityManager.clear();
        }
        newStatements.store(pending);
        return results;
    }

    /** The stored actors the batch's external ids name and the statements its keys name: one statement each. */
    private ImportIndex load(List<ImportRecord> batch) {
        Set<ExternalId> ids = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (ImportRecord record : batch) {
            if (record.hasActor()) {
                record.getActor().getExternalIdsList().forEach(id -> ids.add(ExternalId.fromProto(id)));
            } else if (record.hasStatement()) {
                if (record.getStatement().hasActorExternalId()) {
                    ids.add(ExternalId.fromProto(record.getStatement().getActorExternalId()));
                }
                if (!record.getStatement().getImportKey().isEmpty()) {
                    keys.add(record.getStatement().getImportKey());
                }
            }
        }
        return new ImportIndex(index.holders(ids), index.keyed(keys));
    }
}
