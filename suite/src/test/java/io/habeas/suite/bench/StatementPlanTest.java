package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementPlanTest {
    private final Population population = new Population(15);
    private final StatementPlan plan = new StatementPlan(population, 10_000);

    @Test
    void theSameSeedAndIndexPlanTheSameStatement() {
        assertEquals(plan.statement(123), new StatementPlan(new Population(15), 10_000).statement(123));
    }

    @Test
    void eachCallIsAddressedToItsFirstPersonsDetainingCountryAndNamesNoPersonTwice() {
        for (int j = 0; j < 2_000; j++) {
            StatementPlan.Planned planned = plan.statement(j);
            assertEquals(population.country(planned.persons().get(0)), planned.addresseeCountry());
            assertEquals(planned.persons().size(), new HashSet<>(planned.persons()).size());
        }
    }

    @Test
    void aFewCasesDrawManyStatements() {
        Map<Integer, Integer> statementsPerPerson = new HashMap<>();
        for (int j = 0; j < 20_000; j++) {
            plan.statement(j).persons().forEach(p -> statementsPerPerson.merge(p, 1, Integer::sum));
        }
        int most = statementsPerPerson.values().stream().max(Integer::compare).orElse(0);
        assertTrue(most > 100, "the most-discussed person is in " + most + " statements");
    }

    @Test
    void theStatementCarriesACallForReleaseWithTheStoredNamesAndSometimesAConcernAboutTheCountry() {
        int concerns = 0;
        for (int j = 0; j < 200; j++) {
            StatementPlan.Planned planned = plan.statement(j);
            List<String> names = planned.persons().stream().map(p -> "persons/p" + p).toList();
            Statement statement = StatementPlan.toStatement(planned, "actors/a", names);
            assertEquals(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, statement.getClaims(0).getKind());
            assertEquals(names, statement.getClaims(0).getSubjectPersonsList());
            assertEquals("actors/a", statement.getActor());
            if (statement.getClaimsCount() == 2) {
                concerns++;
                assertEquals(List.of(planned.addresseeCountry()), statement.getClaims(1).getSubjectCountriesList());
            }
        }
        assertTrue(concerns > 20 && concerns < 120, concerns + " concerns in 200");
    }

    @Test
    void anImportRecordNamesItsActorByExternalIdCarriesAKeyAndLeavesOutRejectedPersons() {
        String[] names = new String[10_000];
        for (int p = 0; p < names.length; p++) {
            names[p] = "persons/p" + p;
        }
        int withMany = 0;
        while (plan.statement(withMany).persons().size() < 2) {
            withMany++;
        }
        StatementPlan.Planned planned = plan.statement(withMany);
        names[planned.persons().get(1)] = null;

        ImportStatement record = plan.record(withMany, names).getStatement();

        assertEquals("habeas-bench:15-" + withMany, record.getImportKey());
        assertEquals(plan.actorId(planned.actor()), record.getActorExternalId());
        assertEquals("", record.getStatement().getActor());
        assertEquals(List.of("persons/p" + planned.persons().get(0)), record.getStatement().getClaims(0).getSubjectPersonsList());
        assertTrue(plan.actor(planned.actor()).getExternalIdsList().contains(record.getActorExternalId()));
        planned.persons().forEach(p -> names[p] = null);
        assertNull(plan.record(withMany, names), "a statement naming only rejected persons is not sent");
    }
}
