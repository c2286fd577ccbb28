package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.statement.v1.ExportStatementRecordsRequest;
import io.habeas.statement.v1.ExportedRecord;
import io.habeas.suite.transfer.FileRecord;
import io.habeas.suite.transfer.NdjsonRecords;
import io.habeas.suite.transfer.TransferMain;
import io.habeas.suite.transfer.TransferOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The import and export tool against the packaged applications: a file with good and bad lines
 * imported, imported again without storing anything twice, a CSV file, actors and statements with
 * claims (one answering another), then everything exported and restored into a second, empty
 * instance, whose export is the same records under the restored names.
 */
class TransferSystemTest {
    private static final String SOURCE = "{\"publisher\":\"Viasna\",\"title\":\"Case list\",\"url\":\"https://spring96.org/x\"}";
    private static final String NDJSON = String.join("\n",
            "{\"kind\":\"person\",\"person\":{\"displayName\":\"Anna Keyed\",\"citizenships\":[\"AZ\"],"
                    + "\"accessLevel\":\"ACCESS_LEVEL_PUBLIC\",\"sources\":[" + SOURCE + "],"
                    + "\"externalIds\":[{\"scheme\":\"partner\",\"value\":\"a-1\"}]},"
                    + "\"detentions\":[{\"importKey\":\"d-1\",\"detention\":{\"detainingCountry\":\"AZ\","
                    + "\"startDate\":{\"year\":2024,\"month\":3},\"initialStatus\":\"CUSTODY_STATUS_POLICE_CUSTODY\","
                    + "\"sources\":[" + SOURCE + "]},\"custodyEvents\":[{\"importKey\":\"e-1\",\"custodyEvent\":{"
                    + "\"type\":\"CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION\",\"occurredOn\":{\"year\":2024,\"month\":4},"
                    + "\"sources\":[" + SOURCE + "]}}],\"charges\":[{\"importKey\":\"c-1\",\"charge\":{\"jurisdiction\":\"AZ\","
                    + "\"legalCode\":\"Criminal Code of the Republic of Azerbaijan\",\"articleReference\":\"204.3.1\","
                    + "\"filedOn\":{\"year\":2024,\"month\":3},\"sources\":[" + SOURCE + "]}}]}]}",
            "{\"kind\":\"person\",\"person\":{\"displayName\":",
            "{\"kind\":\"person\",\"person\":{\"displayName\":\"Boris Restricted\",\"accessLevel\":\"ACCESS_LEVEL_RESTRICTED\","
                    + "\"sources\":[" + SOURCE + "],\"externalIds\":[{\"scheme\":\"partner\",\"value\":\"b-2\"}]}}",
            "{\"kind\":\"person\",\"person\":{\"displayName\":\"\",\"sources\":[" + SOURCE + "]}}",
            "{\"kind\":\"statement\",\"statement\":{}}",
            "{\"kind\":\"person\",\"person\":{\"displayName\":\"Chingiz Without Ids\",\"sources\":[" + SOURCE + "]}}",
            "");
    private static final String STATEMENTS = String.join("\n",
            "{\"kind\":\"actor\",\"actor\":{\"displayName\":\"UN Working Group\",\"kind\":\"ACTOR_KIND_INTERNATIONAL_BODY\","
                    + "\"accessLevel\":\"ACCESS_LEVEL_PUBLIC\",\"externalIds\":[{\"scheme\":\"partner\",\"value\":\"wgad\"}]}}",
            "{\"kind\":\"actor\",\"actor\":{\"displayName\":\"Ministry of Justice\",\"kind\":\"ACTOR_KIND_GOVERNMENT_BODY\","
                    + "\"country\":\"AZ\",\"accessLevel\":\"ACCESS_LEVEL_PUBLIC\",\"externalIds\":[{\"scheme\":\"partner\",\"value\":\"moj\"}]}}",
            statement("s-1", "wgad", "{\"year\":2024,\"month\":5}", "CLAIM_KIND_CALL_FOR_RELEASE", "PERSON", "",
                    ",{\"kind\":\"CLAIM_KIND_CONCERN\",\"subjectCountries\":[\"AZ\"],\"text\":\"Concern about AZ\"}"),
            statement("s-bad", "wgad", "{\"year\":2024}", "CLAIM_KIND_CALL_FOR_RELEASE", "persons/" + UUID.randomUUID(), "", ""),
            "{\"kind\":\"actor\"}",
            "");

    /** A statement line by the actor with that external id, its first claim about one person and maybe answering a claim. */
    private static String statement(String key, String actor, String madeOn, String kind, String person, String answers,
            String moreClaims) {
        return "{\"kind\":\"statement\",\"statement\":{\"importKey\":\"" + key + "\",\"actorExternalId\":{\"scheme\":\"partner\","
                + "\"value\":\"" + actor + "\"},\"statement\":{\"madeOn\":" + madeOn + ",\"medium\":\"STATEMENT_MEDIUM_REPORT\","
                + "\"title\":\"Statement " + key + "\",\"accessLevel\":\"ACCESS_LEVEL_PUBLIC\",\"sources\":[" + SOURCE + "],"
                + "\"claims\":[{\"kind\":\"" + kind + "\",\"subjectPersons\":[\"" + person + "\"],\"addresseeCountry\":\"AZ\","
                + (answers.isEmpty() ? "" : "\"answers\":\"" + answers + "\",") + "\"text\":\"Claim of " + key + "\"}" + moreClaims
                + "]}}}";
    }

    private static final String CSV = """
            person_external_id,display_name,detaining_country,arrest_date,status,release_date,legal_code,charges,source_url
            viasna:7,Dzmitry Twice,BY,2021-07,pre_trial_detention,,Criminal Code of the Republic of Belarus,ч. 2 ст. 342,https://spring96.org/7
            viasna:7,,BY,2011,,2014-06-21,,,https://spring96.org/7
            viasna:8,Bad Date,BY,July 2021,,,,,https://spring96.org/8
            """;

    /** What one run of the tool printed, and its exit code. */
    private record Run(int code, String output) {
    }

    private static Run transfer(RunningSuite suite, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--target", "localhost:" + suite.ports.detention(), "--statement-target",
                "localhost:" + suite.ports.statement()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new TransferMain(TransferOptions.parse(all.toArray(String[]::new), suite.token(Role.ADMIN)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())).run(false);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private static int persons(RunningSuite suite) {
        return PersonServiceGrpc.newBlockingStub(suite.detention(Role.ADMIN)).listPersons(ListPersonsRequest.newBuilder()
                .setPageSize(100).build()).getPersonsCount();
    }

    @Test
    void importReimportExportAndRestoreIntoAFreshInstance() throws Exception {
        Path folder = Files.createTempDirectory("habeas-transfer");
        Path ndjson = Files.writeString(folder.resolve("cases.ndjson"), NDJSON);
        Path csv = Files.writeString(folder.resolve("cases.csv"), CSV);
        Path export = folder.resolve("export.ndjson");
        List<String> exported;
        try (RunningSuite first = RunningSuite.start("habeas-transfer-a")) {
            Run imported = transfer(first, "import", ndjson.toString());
            Run again = transfer(first, "import", ndjson.toString());
            Run fromCsv = transfer(first, "import", csv.toString());

            assertEquals(1, imported.code(), imported.output());
            assertTrue(imported.output().contains("created 3, updated 0, unchanged 0, rejected 3"), imported.output());
            List<String> rejects = Files.readAllLines(Path.of(ndjson + ".rejects"));
            assertEquals(3, rejects.size(), rejects.toString());
            assertTrue(rejects.get(0).startsWith("line 2: not sent: not JSON"), rejects.get(0));
            assertTrue(rejects.get(1).startsWith("line 4: INVALID_ARGUMENT") && rejects.get(1).contains("person.display_name"),
                    rejects.get(1));
            assertTrue(rejects.get(2).startsWith("line 5: INVALID_ARGUMENT") && rejects.get(2).contains("statement.statement"),
                    rejects.get(2));
            assertEquals(imported, again, "the same batches under the same ids: the first answers, nothing stored twice");
            assertEquals(1, fromCsv.code(), fromCsv.output());
            assertTrue(fromCsv.output().contains("created 1, updated 0, unchanged 0, rejected 1"), fromCsv.output());
            assertTrue(fromCsv.output().contains("line 4: not sent: arrest_date must be YYYY"), fromCsv.output());
            assertEquals(4, persons(first));

            String anna = personNamed(first, "Anna Keyed");
            Path statements = Files.writeString(folder.resolve("statements.ndjson"), STATEMENTS.replace("\"PERSON\"",
                    "\"" + anna + "\""));
            Run said = transfer(first, "import", statements.toString());
            Run saidAgain = transfer(first, "import", statements.toString());

            assertEquals(1, said.code(), said.output());
            assertTrue(said.output().contains("created 3, updated 0, unchanged 0, rejected 2"), said.output());
            List<String> statementRejects = Files.readAllLines(Path.of(statements + ".rejects"));
            assertEquals(2, statementRejects.size(), statementRejects.toString());
            assertTrue(statementRejects.get(0).startsWith("line 4: NOT_FOUND"), statementRejects.get(0));
            assertTrue(statementRejects.get(1).startsWith("line 5: not sent: kind \"actor\" needs \"actor\""),
                    statementRejects.get(1));
            assertEquals(said, saidAgain, "the same batches under the same ids: the first answers, nothing stored twice");

            Path answer = Files.writeString(folder.resolve("answer.ndjson"), statement("s-2", "moj", "{\"year\":2024,\"month\":6}",
                    "CLAIM_KIND_DENIAL", anna, firstClaimOf(first, "s-1"), "") + "\n");
            Run answered = transfer(first, "import", answer.toString());
            Run written = transfer(first, "export", export.toString());

            assertEquals(0, answered.code(), answered.output());
            assertTrue(answered.output().contains("created 1, updated 0, unchanged 0, rejected 0"), answered.output());
            assertEquals(0, written.code(), written.output());
            assertTrue(written.output().contains("Wrote 4 person records, 2 actor records and 2 statement records"),
                    written.output());
            exported = Files.readAllLines(export);
        }
        try (RunningSuite second = RunningSuite.start("habeas-transfer-b")) {
            Run restored = transfer(second, "restore", export.toString());
            Path again = folder.resolve("again.ndjson");
            Run reexported = transfer(second, "export", again.toString());

            assertEquals(0, restored.code(), restored.output());
            assertTrue(restored.output().contains("created 8, updated 0, unchanged 0, rejected 0"), restored.output());
            List<String> restoredLines = Files.readAllLines(again);
            assertEquals(renamed(exported, restoredLines), parsed(restoredLines),
                    "the same records, each name and each reference to one the restored instance's");
            List<String> map = Files.readAllLines(Path.of(export + ".persons.tsv"));
            assertEquals(5, map.size(), map.toString());
            String restoredName = map.get(1).split("\t")[1];
            assertEquals(restoredName, PersonServiceGrpc.newBlockingStub(second.detention(Role.ADMIN))
                    .getPerson(GetPersonRequest.newBuilder().setName(restoredName).build()).getPerson().getName());
            assertEquals(0, reexported.code());
            Run twice = transfer(second, "restore", export.toString());
            assertEquals(2, twice.code(), "a restore into an instance that holds persons is refused: " + twice.output());
        }
    }

    private static String personNamed(RunningSuite suite, String displayName) {
        return PersonServiceGrpc.newBlockingStub(suite.detention(Role.ADMIN)).listPersons(ListPersonsRequest.newBuilder()
                .setPageSize(100).build()).getPersonsList().stream().filter(p -> p.getDisplayName().equals(displayName))
                .findFirst().orElseThrow().getName();
    }

    private static String firstClaimOf(RunningSuite suite, String importKey) {
        var chunks = io.habeas.statement.v1.ImportServiceGrpc.newBlockingStub(suite.statement(Role.ADMIN))
                .exportStatementRecords(ExportStatementRecordsRequest.getDefaultInstance());
        while (chunks.hasNext()) {
            for (ExportedRecord exported : chunks.next().getRecordsList()) {
                if (exported.getRecord().getStatement().getImportKey().equals(importKey)) {
                    return exported.getRecord().getStatement().getStatement().getClaims(0).getName();
                }
            }
        }
        throw new AssertionError("no statement " + importKey);
    }

    private static List<Message> parsed(List<String> lines) {
        return lines.stream().map(TransferSystemTest::record).toList();
    }

    private static Message record(String line) {
        FileRecord parsed = NdjsonRecords.parse(1, line);
        return parsed instanceof FileRecord.Person person ? person.record() : ((FileRecord.Statement) parsed).record();
    }

    /**
     * The exported records with every resource name replaced by the restored one: the two exports
     * are in the same order, so each record's names (IDENTIFIER fields, at any depth) pair with the
     * restored record's, and every string naming one of them, references included, is replaced.
     */
    private static List<Message> renamed(List<String> exported, List<String> restored) {
        assertEquals(exported.size(), restored.size(), "as many records restored as exported");
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < exported.size(); i++) {
            pairNames(record(exported.get(i)), record(restored.get(i)), names);
        }
        return exported.stream().map(line -> replaced(record(line), names)).toList();
    }

    private static void pairNames(Message from, Message to, Map<String, String> names) {
        for (FieldDescriptor field : from.getDescriptorForType().getFields()) {
            if (field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.IDENTIFIER)) {
                names.put((String) from.getField(field), (String) to.getField(field));
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (field.isRepeated()) {
                    for (int i = 0; i < Math.min(from.getRepeatedFieldCount(field), to.getRepeatedFieldCount(field)); i++) {
                        pairNames((Message) from.getRepeatedField(field, i), (Message) to.getRepeatedField(field, i), names);
                    }
                } else if (from.hasField(field) && to.hasField(field)) {
                    pairNames((Message) from.getField(field), (Message) to.getField(field), names);
                }
            }
        }
    }

    private static Message replaced(Message message, Map<String, String> names) {
        Message.Builder builder = message.toBuilder();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            boolean text = field.getJavaType() == FieldDescriptor.JavaType.STRING;
            boolean nested = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
            if (field.isRepeated() && (text || nested)) {
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    Object value = message.getRepeatedField(field, i);
                    builder.setRepeatedField(field, i, text ? names.getOrDefault((String) value, (String) value)
                            : replaced((Message) value, names));
                }
            } else if (text) {
                String value = (String) message.getField(field);
                builder.setField(field, names.getOrDefault(value, value));
            } else if (nested && message.hasField(field)) {
                builder.setField(field, replaced((Message) message.getField(field), names));
            }
        }
        return builder.build();
    }
}
