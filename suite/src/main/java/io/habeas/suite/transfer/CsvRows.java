package io.habeas.suite.transfer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 rows: fields separated by commas, a field in double quotes may hold commas, line
 * breaks and doubled quotes. Each row knows the line it starts on; a byte order mark is skipped.
 */
final class CsvRows {
    /** One row's fields and its first line, or why it could not be read. */
    record Row(int line, List<String> fields, String error) {
    }

    private CsvRows() {
    }

    static List<Row> read(Reader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean first = true;
        int c;
        while ((c = in.read()) != -1) {
            if (first && c == '\uFEFF') {
                first = false;
                continue;
            }
            first = false;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                        continue;
                    }
                    quoted = false;
                    if (next == -1) {
                        break;
                    }
                    c = next;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                    continue;
                }
            }
            if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                fields.add(field.toString());
                addRow(rows, rowLine, fields, null);
                fields = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                line++;
                rowLine = line;
            } else if (wasQuoted) {
                fields.add(field.toString());
                addRow(rows, rowLine, fields, "text after a closing quote in field " + fields.size());
                fields = new ArrayList<>();
                field.setLength(0);
                wasQuoted = false;
                skipToLineEnd(in);
                line++;
                rowLine = line;
            } else {
                field.append((char) c);
            }
        }
        if (quoted) {
            addRow(rows, rowLine, List.of(), "a quoted field is not closed before the end of the file");
        } else if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            addRow(rows, rowLine, fields, null);
        }
        return rows;
    }

    private static void addRow(List<Row> rows, int line, List<String> fields, String error) {
        boolean blank = fields.stream().allMatch(String::isEmpty);
        if (error != null || !blank) {
            rows.add(new Row(line, List.copyOf(fields), error));
        }
    }

    private static void skipToLineEnd(Reader in) throws IOException {
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            // the rest of a broken row
        }
    }
}
