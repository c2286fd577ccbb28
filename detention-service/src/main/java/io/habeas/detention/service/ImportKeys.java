package io.habeas.detention.service;

import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.text.HumanText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The import keys of one record: each a line of at most 200 characters, none twice under one parent. */
final class ImportKeys {
    static final int MAX_LENGTH = 200;

    private ImportKeys() {
    }

    /** INVALID_ARGUMENT listing every malformed or repeated key of the record, with its path in the record. */
    static void check(ImportRecord record) {
        List<FieldViolation> violations = new ArrayList<>();
        checkAll(record.getDetentionsList().stream().map(ImportDetention::getImportKey).toList(), "detentions", violations);
        checkAll(record.getIncidentsList().stream().map(i -> i.getImportKey()).toList(), "incidents", violations);
        for (int i = 0; i < record.getDetentionsCount(); i++) {
            ImportDetention detention = record.getDetentions(i);
            String path = "detentions[" + i + "].";
            checkAll(detention.getCustodyEventsList().stream().map(e -> e.getImportKey()).toList(), path + "custody_events", violations);
            checkAll(detention.getChargesList().stream().map(c -> c.getImportKey()).toList(), path + "charges", violations);
            checkAll(detention.getCourtEventsList().stream().map(e -> e.getImportKey()).toList(), path + "court_events", violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    /** The key as stored: none for an empty one. */
    static String stored(String key) {
        return key.isEmpty() ? null : key;
    }

    private static void checkAll(List<String> keys, String list, List<FieldViolation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String field = list + "[" + i + "].import_key";
            if (key.isEmpty()) {
                continue;
            }
            if (key.length() > MAX_LENGTH || HumanText.problem(key, HumanText.Shape.LINE).isPresent()) {
                violations.add(new FieldViolation(field, "must be one line of printable text, at most " + MAX_LENGTH
                        + " characters"));
            } else if (!seen.add(key)) {
                violations.add(new FieldViolation(field, "repeats the import_key of another record under the same parent"));
            }
        }
    }
}
