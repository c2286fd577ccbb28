package io.habeas.statement.repository;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.kernel.names.StatementName;
import io.habeas.statement.support.GrpcTest;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.support.history.AsOf;
import io.habeas.support.history.Snapshots;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reads whose ids come from data (the statements of every release call about a thousand persons)
 * answer for any number of ids: PostgreSQL binds at most 65,535 parameters a statement, and at
 * 100,000 persons one country summary asked about more statements than that.
 */
@QuarkusTest
class ManyIdsReadsTest extends GrpcTest {
    private static final int IDS = 40_000;

    @Inject
    StatementRepository repository;
    @Inject
    Snapshots snapshots;

    @Test
    void visibilityChecksOfMoreStatementsThanOneStatementCanBindFindTheRealOnes() {
        String person = detention.knownPerson();
        var actor = createActor(blinken());
        UUID said = StatementName.parse(createStatement(statement(actor.getName(), date(2024, 3, 0), "A call")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Release them").addSubjectPersons(person)))
                .getName(), "name").id();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < IDS; i++) {
            ids.add(UUID.randomUUID());
        }
        ids.add(IDS / 2, said);

        Set<UUID> cleared = QuarkusTransaction.requiringNew().call(() -> repository.clearedByLevel(ids, List.of("PUBLIC")));
        Set<UUID> clearedThen = QuarkusTransaction.requiringNew().call(
                () -> repository.clearedByLevelThen(ids, List.of("PUBLIC"), snapshots.at(AsOf.NOW)));
        Map<UUID, Set<UUID>> behind = QuarkusTransaction.requiringNew().call(
                () -> repository.personsBehind(ids, snapshots.at(AsOf.NOW)));

        assertEquals(Set.of(said), cleared);
        assertEquals(Set.of(said), clearedThen);
        assertEquals(Set.of(said), behind.keySet());
        assertEquals(1, behind.get(said).size(), behind.toString());
    }
}
