package io.habeas.suite.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The tool's command line. */
public record TransferOptions(String command, Path file, boolean csv, String target, String statementTarget, boolean tls,
        String token, Path rejects, Path personMap, boolean force) {
    static final String USAGE = """
            usage: habeas-transfer import FILE  --target HOST:PORT [--statement-target HOST:PORT] [--format ndjson|csv] [--rejects FILE]
                   habeas-transfer export FILE  --target HOST:PORT [--statement-target HOST:PORT]
                   habeas-transfer restore FILE --target HOST:PORT [--statement-target HOST:PORT] [--person-map FILE] [--force]
            common: [--token-file FILE] (else HABEAS_TOKEN) [--tls]
            --target is detention-service's gRPC address, --statement-target statement-service's: without it, actor and
            statement lines are not sent (import, restore) or written (export). A FILE ending in .csv is read as CSV unless
            --format says.""";

    /** A command line the tool cannot run. */
    public static final class Usage extends Exception {
        Usage(String message) {
            super(message);
        }
    }

    public static TransferOptions parse(String[] args, String tokenFromEnvironment) throws Usage {
        if (args.length < 2 || !List.of("import", "export", "restore").contains(args[0])) {
            throw new Usage("name a command (import, export or restore) and a file");
        }
        String command = args[0];
        Path file = Path.of(args[1]);
        String format = null;
        String target = null;
        String statementTarget = null;
        String tokenFile = null;
        boolean tls = false;
        boolean force = false;
        Path rejects = Path.of(args[1] + ".rejects");
        Path personMap = Path.of(args[1] + ".persons.tsv");
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--tls" -> tls = true;
                case "--force" -> force = true;
                case "--format" -> format = value(args, ++i).toLowerCase(Locale.ROOT);
                case "--target" -> target = value(args, ++i);
                case "--statement-target" -> statementTarget = value(args, ++i);
                case "--token-file" -> tokenFile = value(args, ++i);
                case "--rejects" -> rejects = Path.of(value(args, ++i));
                case "--person-map" -> personMap = Path.of(value(args, ++i));
                default -> throw new Usage("unknown option " + args[i]);
            }
        }
        if (target == null) {
            throw new Usage("--target HOST:PORT is required");
        }
        if (format != null && !List.of("ndjson", "csv").contains(format)) {
            throw new Usage("--format is ndjson or csv");
        }
        if (!"import".equals(command) && "csv".equals(format)) {
            throw new Usage(command + " reads and writes NDJSON only");
        }
        boolean csv = "import".equals(command) && (format == null ? args[1].toLowerCase(Locale.ROOT).endsWith(".csv")
                : format.equals("csv"));
        String token = tokenFile != null ? read(tokenFile) : tokenFromEnvironment;
        if (token == null || token.isBlank()) {
            throw new Usage("no token: set HABEAS_TOKEN or give --token-file");
        }
        return new TransferOptions(command, file, csv, target, statementTarget, tls, token.strip(), rejects, personMap, force);
    }

    private static String value(String[] args, int i) throws Usage {
        if (i >= args.length) {
            throw new Usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String read(String tokenFile) throws Usage {
        try {
            return Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Usage("--token-file " + tokenFile + ": " + e.getMessage());
        }
    }
}
