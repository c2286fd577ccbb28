package io.habeas.suite.transfer;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.habeas.detention.v1.ImportRecord;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * The NDJSON format: one JSON object a line, a record in protobuf's canonical JSON mapping with a
 * {@code kind} beside its fields. Kind {@code person} is an ImportRecord of detention-service
 * ({@code {"kind":"person","person":{"displayName":...},"detentions":[...]}}); kinds
 * {@code actor} and {@code statement} are statement-service's. Blank lines are skipped.
 */
public final class NdjsonRecords {
    public static final String KIND = "kind";
    public static final String PERSON = "person";
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private NdjsonRecords() {
    }

    /** One line, numbered from 1; null for a blank line. */
    public static FileRecord parse(int number, String line) {
        if (line.isBlank()) {
            return null;
        }
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new FileRecord.Unreadable(number, "not a JSON object");
            }
            object = value.asJsonObject();
        } catch (JsonException e) {
            return new FileRecord.Unreadable(number, "not JSON: " + e.getMessage());
        }
        if (!(object.get(KIND) instanceof JsonString kind)) {
            return new FileRecord.Unreadable(number, "no \"kind\": each line needs \"kind\": \"person\", \"actor\" or \"statement\"");
        }
        String fields = Json.createObjectBuilder(object).remove(KIND).build().toString();
        switch (kind.getString()) {
            case PERSON -> {
                ImportRecord.Builder record = ImportRecord.newBuilder();
                try {
                    PARSER.merge(fields, record);
                } catch (InvalidProtocolBufferException | RuntimeException e) {
                    return new FileRecord.Unreadable(number, "not a person record: " + rootMessage(e));
                }
                return new FileRecord.Person(number, List.of(number), record.build());
            }
            // TODO(statements): send kinds actor and statement to statement-service's ImportStatementRecords once
            // habeas.statement.v1 has it; until then they are reported, never dropped.
            case "actor", "statement" -> {
                return new FileRecord.Unreadable(number, "kind \"" + kind.getString()
                        + "\": statement-service's records cannot be imported by this version");
            }
            default -> {
                return new FileRecord.Unreadable(number, "kind \"" + kind.getString()
                        + "\" is none of \"person\", \"actor\", \"statement\"");
            }
        }
    }

    /** A person record as one line. */
    public static String line(ImportRecord record) throws InvalidProtocolBufferException {
        String fields = PRINTER.print(record);
        return "{\"" + KIND + "\":\"" + PERSON + "\"" + (fields.equals("{}") ? "}" : "," + fields.substring(1));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
