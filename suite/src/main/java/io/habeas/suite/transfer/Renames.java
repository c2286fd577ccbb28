package io.habeas.suite.transfer;

import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportRecordResult;
import io.habeas.statement.v1.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A restore's names: an export names persons, actors and claims as the exporting instance stored
 * them, and the restored instance stores them under new names. Each actor or statement record is
 * sent with the new names of what it names, once those are known.
 */
final class Renames {
    /** What to do with a record now. */
    sealed interface Outcome {
    }

    /** Send it: the record with the restored names. */
    record Ready(ImportRecord record) implements Outcome {
    }

    /** It names the actor or a claim of a record in the batch being filled: send that batch first, then ask again. */
    record AfterBatch() implements Outcome {
    }

    /** It answers a claim not restored yet, perhaps one of a later line: ask again at the end. */
    record Later(String claim) implements Outcome {
    }

    /** It names something that was not restored: not sent. */
    record Refused(String reason) implements Outcome {
    }

    private final Map<String, String> persons;
    private final Map<String, String> actors = new HashMap<>();
    private final Map<String, String> claims = new HashMap<>();
    private final Set<String> lostClaims = new HashSet<>();

    /** @param persons each restored person's exported name to its new one */
    Renames(Map<String, String> persons) {
        this.persons = persons;
    }

    /** {@code inBatch}: the exported names of the actors and claims of the records in the batch being filled. */
    Outcome rename(ImportRecord record, Set<String> inBatch) {
        if (record.hasActor()) {
            String person = record.getActor().getPerson();
            if (!person.isEmpty() && !persons.containsKey(person)) {
                return notRestored("the actor's person " + person);
            }
            return new Ready(person.isEmpty() ? record : record.toBuilder().setActor(record.getActor().toBuilder()
                    .setPerson(persons.get(person))).build());
        }
        Statement statement = record.getStatement().getStatement();
        Statement.Builder renamed = statement.toBuilder();
        if (!statement.getActor().isEmpty()) {
            String actor = actors.get(statement.getActor());
            if (actor == null) {
                return inBatch.contains(statement.getActor()) ? new AfterBatch() : notRestored("its actor " + statement.getActor());
            }
            renamed.setActor(actor);
        }
        for (int i = 0; i < statement.getClaimsCount(); i++) {
            Claim claim = statement.getClaims(i);
            Claim.Builder claimRenamed = renamed.getClaimsBuilder(i).clearSubjectPersons();
            for (String person : claim.getSubjectPersonsList()) {
                if (!persons.containsKey(person)) {
                    return notRestored("claim " + (i + 1) + "'s subject " + person);
                }
                claimRenamed.addSubjectPersons(persons.get(person));
            }
            String answers = claim.getAnswers();
            if (!answers.isEmpty()) {
                if (lostClaims.contains(answers)) {
                    return notRestored("the claim " + answers + " that claim " + (i + 1) + " answers");
                }
                if (claims.containsKey(answers)) {
                    claimRenamed.setAnswers(claims.get(answers));
                } else if (inBatch.contains(answers)) {
                    return new AfterBatch();
                } else {
                    return new Later(answers);
                }
            }
        }
        return new Ready(record.toBuilder().setStatement(record.getStatement().toBuilder().setStatement(renamed)).build());
    }

    /** The record (as exported) was stored as the result says. */
    void stored(ImportRecord exported, ImportRecordResult result) {
        if (exported.hasActor()) {
            actors.put(exported.getActor().getName(), result.getName());
            return;
        }
        List<Claim> sent = exported.getStatement().getStatement().getClaimsList();
        for (int i = 0; i < sent.size() && i < result.getClaimsCount(); i++) {
            claims.put(sent.get(i).getName(), result.getClaims(i));
        }
    }

    /** The record (as exported) was not stored: what names it cannot be restored either. */
    void lost(ImportRecord exported) {
        exported.getStatement().getStatement().getClaimsList().forEach(c -> lostClaims.add(c.getName()));
    }

    /** The exported names a record holds that other records may name: an actor's, or a statement's claims'. */
    static List<String> namesWithin(ImportRecord exported) {
        return exported.hasActor() ? List.of(exported.getActor().getName())
                : exported.getStatement().getStatement().getClaimsList().stream().map(Claim::getName).toList();
    }

    private static Refused notRestored(String what) {
        return new Refused(what + " was not restored");
    }
}
