package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.azerbaijaniAuthorities;
import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.detainedPerson;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.habeas.common.v1.AccessLevel;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.ExportedRecord;
import io.habeas.statement.v1.ImportRecord;
import io.habeas.statement.v1.ImportRecordResult;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An export restores into an empty instance: imported as a restore tool would (actors first, then
 * each statement with its actor and answered claims named by their new names), it exports again
 * as it was, field by field, but for the names.
 */
@QuarkusTest
class ExportRoundTripGrpcTest extends ImportGrpcTest {

    /** The record with every name the map knows replaced: its own, its actor's, its claims' and their answers'. */
    private static ExportedRecord renamed(ExportedRecord exported, Map<String, String> names) {
        UnaryOperator<String> rename = name -> names.getOrDefault(name, name);
        ImportRecord record = exported.getRecord();
        if (record.hasActor()) {
            record = record.toBuilder().setActor(record.getActor().toBuilder().setName(rename.apply(record.getActor().getName())))
                    .build();
        } else {
            Statement.Builder statement = record.getStatement().getStatement().toBuilder();
            statement.setName(rename.apply(statement.getName())).setActor(rename.apply(statement.getActor()));
            for (Claim.Builder claim : statement.getClaimsBuilderList()) {
                claim.setName(rename.apply(claim.getName())).setAnswers(rename.apply(claim.getAnswers()));
            }
            record = record.toBuilder().setStatement(record.getStatement().toBuilder().setStatement(statement)).build();
        }
        return exported.toBuilder().setName(rename.apply(exported.getName())).setRecord(record).build();
    }

    /** Imports an export as a restore tool does; the old names by the new ones. */
    private Map<String, String> restore(List<ExportedRecord> export) {
        Map<String, String> toNew = new HashMap<>();
        Map<String, String> toOld = new HashMap<>();
        for (ExportedRecord exported : export) {
            ImportRecord record = renamed(exported, toNew).getRecord();
            ImportRecordResult result = sendAs(Role.ADMIN, batch(record)).only().getResults(0);
            assertEquals("", result.getError().getMessage(), exported.getName());
            toNew.put(exported.getName(), result.getName());
            if (record.hasStatement()) {
                List<Claim> claims = exported.getRecord().getStatement().getStatement().getClaimsList();
                for (int i = 0; i < claims.size(); i++) {
                    toNew.put(claims.get(i).getName(), result.getClaims(i));
                }
            }
        }
        toNew.forEach((old, made) -> toOld.put(made, old));
        return toOld;
    }

    @Test
    void anExportImportedIntoAnEmptyInstanceExportsAgainAsItWas() {
        String person = detention.knownPerson();
        String confidentialPerson = detention.knownPerson(io.habeas.kernel.access.AccessLevel.CONFIDENTIAL);
        Actor blinken = createActor(blinken().addExternalIds(id("wikidata", "Q311440")));
        Actor ministry = createActor(azerbaijaniAuthorities().setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        createActor(detainedPerson("Detainee", confidentialPerson).setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        Statement call = createStatement(statement(blinken.getName(), date(2024, 5, 2), "Call with President Aliyev")
                .setActorOffice("Secretary of State").setSummary("He raised the detentions.\nTwice.")
                .setQuotedText("We call for their release.").setMedium(StatementMedium.STATEMENT_MEDIUM_CALL_READOUT)
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Release them.").addSubjectPersons(person)
                        .addSubjectPersons(confidentialPerson).setAddresseeCountry("AZ"))
                .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern.").addSubjectCountries("AZ").addSubjectCountries("AM")));
        createStatement(statement(ministry.getName(), io.habeas.common.v1.PartialDate.newBuilder().setYear(2024).setMonth(6)
                .build(), "Reply").setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL)
                .addClaims(claim(ClaimKind.CLAIM_KIND_DENIAL, "No one is held for politics.").addSubjectCountries("AZ")
                        .setAnswers(call.getClaims(0).getName())));
        List<ExportedRecord> before = exportAs(Role.ADMIN, 2);
        database.clear();

        Map<String, String> toOld = restore(before);
        List<ExportedRecord> after = new ArrayList<>();
        exportAs(Role.ADMIN, 3).forEach(record -> after.add(renamed(record, toOld)));

        assertEquals(5, before.size());
        assertEquals(before, after);
    }

    @Test
    void aRestoredExportWithImportKeysImportedAgainChangesNothing() {
        String person = detention.knownPerson();
        Actor actor = createActor(blinken());
        sendAs(Role.ADMIN, batch(ImportRecord.newBuilder().setStatement(ImportStatement.newBuilder().setImportKey("state-1")
                .setStatement(statement(actor.getName(), date(2024, 5, 2), "Keyed")
                        .addClaims(claim(ClaimKind.CLAIM_KIND_CONCERN, "Concern.").addSubjectPersons(person)))).build())).only();
        List<ExportedRecord> export = exportAs(Role.ADMIN, 0);

        var again = sendAs(Role.ADMIN, batch(export.get(1).getRecord())).only();

        assertEquals(1, again.getUnchanged(), again.toString());
        assertEquals("state-1", export.get(1).getRecord().getStatement().getImportKey());
    }
}
