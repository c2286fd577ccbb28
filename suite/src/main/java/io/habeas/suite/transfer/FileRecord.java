package io.habeas.suite.transfer;

import io.habeas.detention.v1.ImportRecord;
import java.util.List;

/**
 * What one record of an input file became: a person record to send to detention-service, an
 * actor or statement record to send to statement-service, or a line that cannot be sent and why. Every line that holds data ends as one or the other, so nothing is dropped.
 */
public sealed interface FileRecord {
    /** Where it starts in the file, from 1. */
    int line();

    /** A person record to import, from these lines (several for CSV rows grouped by person). */
    record Person(int line, List<Integer> lines, ImportRecord record) implements FileRecord {
    }

    /** An actor or statement record to import into statement-service, from one line. */
    record Statement(int line, io.habeas.statement.v1.ImportRecord record) implements FileRecord {
        List<Integer> lines() {
            return List.of(line);
        }
    }

    /** A line that is not sent. */
    record Unreadable(int line, String reason) implements FileRecord {
    }
}
