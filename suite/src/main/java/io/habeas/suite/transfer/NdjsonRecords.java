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
 * {@code actor} and {@code statement} are an ImportRecord of statement-service holding that one
 * of its two ({@code {"kind":"actor","actor":{...}}}, {@code {"kind":"statement","statement":
 * {"importKey":...,"statement":{...}}}}). Blank lines are skipped.
 */
public final class NdjsonRecords {
    public static final String KIND = "kind";
    public static final String PERSON = "person";
    public static final String ACTOR = "actor";
    public static final String STATEMENT = "statement";
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
            case ACTOR, STATEMENT -> {
                io.habeas.statement.v1.ImportRecord.Builder record = io.habeas.statement.v1.ImportRecord.newBuilder();
                try {
                    PARSER.merge(fields, record);
                } catch (InvalidProtocolBufferException | RuntimeException e) {
                    return new FileRecord.Unreadable(number, "not " + (kind.getString().equals(ACTOR) ? "an actor" : "a statement")
                            + " record: " + rootMessage(e));
                }
                String holds = kindOf(record.build());
                if (!kind.getString().equals(holds)) {
                    return new FileRecord.Unreadable(number, "kind \"" + kind.getString() + "\" needs \"" + kind.getString()
                            + "\" and nothing else" + (holds == null ? "" : ", not \"" + holds + "\""));
                }
                return new FileRecord.Statement(number, record.build());
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

    /** An actor or statement record as one line. */
    public static String line(io.habeas.statement.v1.ImportRecord record) throws InvalidProtocolBufferException {
        String kind = kindOf(record);
        if (kind == null) {
            throw new IllegalArgumentException("a record of statement-service holds an actor or a statement");
        }
        return "{\"" + KIND + "\":\"" + kind + "\"," + PRINTER.print(record).substring(1);
    }

    private static String kindOf(io.habeas.statement.v1.ImportRecord record) {
        return switch (record.getRecordCase()) {
            case ACTOR -> ACTOR;
            case STATEMENT -> STATEMENT;
            default -> null;
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
