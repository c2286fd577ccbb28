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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import and export tool against the packaged applications: a file with good and bad lines
 * imported, imported again without storing anything twice, a CSV file, then everything exported
 * and restored into a second, empty instance, where it reads back the same.
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
        all.addAll(List.of("--target", "localhost:" + suite.ports.detention()));
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
        List<Message> exported;
        try (RunningSuite first = RunningSuite.start("habeas-transfer-a")) {
            Run imported = transfer(first, "import", ndjson.toString());
            Run again = transfer(first, "import", ndjson.toString());
            Run fromCsv = transfer(first, "import", csv.toString());
            Run written = transfer(first, "export", export.toString());

            assertEquals(1, imported.code(), imported.output());
            assertTrue(imported.output().contains("created 3, updated 0, unchanged 0, rejected 3"), imported.output());
            List<String> rejects = Files.readAllLines(Path.of(ndjson + ".rejects"));
            assertEquals(3, rejects.size(), rejects.toString());
            assertTrue(rejects.get(0).startsWith("line 2: not sent: not JSON"), rejects.get(0));
            assertTrue(rejects.get(1).startsWith("line 4: INVALID_ARGUMENT") && rejects.get(1).contains("person.display_name"),
                    rejects.get(1));
            assertTrue(rejects.get(2).startsWith("line 5: not sent: kind \"statement\""), rejects.get(2));
            assertEquals(imported, again, "the same batches under the same ids: the first answers, nothing stored twice");
            assertEquals(1, fromCsv.code(), fromCsv.output());
            assertTrue(fromCsv.output().contains("created 1, updated 0, unchanged 0, rejected 1"), fromCsv.output());
            assertTrue(fromCsv.output().contains("line 4: not sent: arrest_date must be YYYY"), fromCsv.output());
            assertEquals(4, persons(first));
            assertEquals(0, written.code(), written.output());
            exported = withoutNames(Files.readAllLines(export));
            assertEquals(4, exported.size());
        }
        try (RunningSuite second = RunningSuite.start("habeas-transfer-b")) {
            Run restored = transfer(second, "restore", export.toString());
            Path again = folder.resolve("again.ndjson");
            Run reexported = transfer(second, "export", again.toString());

            assertEquals(0, restored.code(), restored.output());
            assertTrue(restored.output().contains("created 4, updated 0, unchanged 0, rejected 0"), restored.output());
            assertEquals(exported, withoutNames(Files.readAllLines(again)));
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

    private static List<Message> withoutNames(List<String> lines) {
        return lines.stream().map(line -> withoutNames(((FileRecord.Person) NdjsonRecords.parse(1, line)).record())).toList();
    }

    /** The message without its resource names (IDENTIFIER fields), at any depth. */
    private static Message withoutNames(Message message) {
        Message.Builder builder = message.toBuilder();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.IDENTIFIER)) {
                builder.clearField(field);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (field.isRepeated()) {
                    for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                        builder.setRepeatedField(field, i, withoutNames((Message) message.getRepeatedField(field, i)));
                    }
                } else if (message.hasField(field)) {
                    builder.setField(field, withoutNames((Message) message.getField(field)));
                }
            }
        }
        return builder.build();
    }
}
