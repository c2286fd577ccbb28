package io.habeas.suite.transfer;

import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The import and export tool ({@code ./habeas-transfer}; suite/README.md, "Import and export").
 * Exit code 0 when every record was stored or written, 1 when any line or record was not, 2 when
 * the tool could not run (usage, file, connection, token, or the call refused).
 */
public final class TransferMain {
    private final TransferOptions options;
    private final PrintStream out;
    private final PrintStream progressOut;

    public TransferMain(TransferOptions options, PrintStream out, PrintStream progressOut) {
        this.options = options;
        this.out = out;
        this.progressOut = progressOut;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = new TransferMain(TransferOptions.parse(args, System.getenv("HABEAS_TOKEN")), System.out, System.err)
                    .run(System.console() != null);
        } catch (TransferOptions.Usage usage) {
            System.err.println(usage.getMessage());
            System.err.println(TransferOptions.USAGE);
            code = 2;
        }
        System.exit(code);
    }

    public int run(boolean terminal) {
        try (Target target = new Target(options.target(), options.tls(), options.token());
                Target statements = options.statementTarget() == null ? null
                        : new Target(options.statementTarget(), options.tls(), options.token())) {
            return switch (options.command()) {
                case "export" -> export(target, statements, terminal);
                case "restore" -> restore(target, statements, terminal);
                default -> importFile(target, statements, terminal, (record, person) -> {
                }, null);
            };
        } catch (Importer.Refused refused) {
            out.println("The service refused the import: " + refused.getMessage());
            return 2;
        } catch (io.grpc.StatusRuntimeException failed) {
            out.println("The call failed: " + Summary.describe(failed));
            return 2;
        } catch (IOException | UncheckedIOException e) {
            out.println("File: " + e.getMessage());
            return 2;
        } catch (CsvRecords.BadHeader bad) {
            out.println(bad.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private int export(Target target, Target statements, boolean terminal) throws IOException {
        Exporter.Written written = Exporter.export(target.channel(), statements == null ? null : statements.channel(),
                options.file(), new Progress(progressOut, terminal, 0));
        out.println("Wrote " + written.persons() + " person records" + (statements == null
                ? " (no --statement-target: statement-service's actors and statements are not in it)"
                : ", " + written.actors() + " actor records and " + written.statements() + " statement records") + " to "
                + options.file());
        return 0;
    }

    private int restore(Target target, Target statements, boolean terminal) throws IOException, InterruptedException,
            Importer.Refused, CsvRecords.BadHeader {
        if (!options.force() && PersonServiceGrpc.newBlockingStub(target.channel()).listPersons(ListPersonsRequest.newBuilder()
                .setPageSize(1).setShowRetracted(true).build()).getPersonsCount() > 0) {
            out.println("The target already holds persons: restore is for an empty instance (use import to merge,"
                    + " or --force).");
            return 2;
        }
        Map<String, String> restored = new LinkedHashMap<>();
        int code = importFile(target, statements, terminal, (record, person) -> {
            String exported = record.record().getPerson().getName();
            if (!exported.isEmpty()) {
                restored.put(exported, person);
            }
        }, new Renames(restored));
        List<String> mapping = new ArrayList<>();
        mapping.add("exported\trestored");
        restored.forEach((exported, person) -> mapping.add(exported + "\t" + person));
        Files.write(options.personMap(), mapping, StandardCharsets.UTF_8);
        out.println("Person names, exported to restored: " + options.personMap());
        return code;
    }

    /**
     * Imports the file: its person records first, then (once the persons they may name are in) its
     * actor and statement records, each sent as {@code renames} renames them when restoring.
     */
    private int importFile(Target target, Target statements, boolean terminal,
            java.util.function.BiConsumer<FileRecord.Person, String> stored, Renames renames)
            throws IOException, InterruptedException, Importer.Refused, CsvRecords.BadHeader {
        Path file = options.file();
        FileFacts facts = facts(file);
        Summary summary = new Summary();
        List<FileRecord> csv = null;
        long total = facts.lines();
        if (options.csv()) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                csv = CsvRecords.read(in);
            }
            total = csv.size();
        }
        Progress progress = new Progress(progressOut, terminal, total);
        String batches = facts.digest() + "/" + TokenSubject.of(options.token());
        new Importer(io.habeas.detention.v1.ImportServiceGrpc.newStub(target.channel()), batches, summary, progress, stored)
                .run(csv != null ? csv.iterator() : ndjson(Files.newBufferedReader(file, StandardCharsets.UTF_8)));
        Iterator<FileRecord> again = csv != null ? csv.iterator() : ndjson(Files.newBufferedReader(file, StandardCharsets.UTF_8));
        if (statements != null) {
            new StatementImporter(io.habeas.statement.v1.ImportServiceGrpc.newStub(statements.channel()), batches, summary,
                    progress, renames).run(again);
        } else {
            again.forEachRemaining(record -> {
                if (record instanceof FileRecord.Statement statement) {
                    summary.reject(statement.lines(), "not sent: statement-service's record, and no --statement-target");
                }
            });
        }
        progress.finish();
        summary.report(out, options.rejects());
        return summary.anyRejected() ? 1 : 0;
    }

    /** A file's SHA-256 and its number of lines, in one pass. */
    record FileFacts(String digest, long lines) {
    }

    static FileFacts facts(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long lines = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) != -1) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new FileFacts(HexFormat.of().formatHex(sha.digest()), lines);
    }

    /** The file's records, a line at a time; blank lines skipped. */
    static Iterator<FileRecord> ndjson(BufferedReader in) {
        return new Iterator<>() {
            private int number;
            private FileRecord next = advance();

            private FileRecord advance() {
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        FileRecord parsed = NdjsonRecords.parse(++number, line);
                        if (parsed != null) {
                            return parsed;
                        }
                    }
                    in.close();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public FileRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                FileRecord current = next;
                next = advance();
                return current;
            }
        };
    }
}
