package io.habeas.suite;

import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.kernel.access.Role;
import io.habeas.suite.bench.CopyBaseline;
import io.habeas.suite.bench.Figures;
import io.habeas.suite.bench.Importer;
import io.habeas.suite.bench.Load;
import io.habeas.suite.bench.PartialAnswers;
import io.habeas.suite.bench.LoadProgress;
import io.habeas.suite.bench.PersonNames;
import io.habeas.suite.bench.Population;
import io.habeas.suite.bench.Processes;
import io.habeas.suite.bench.Profiler;
import io.habeas.suite.bench.ScaleOptions;
import io.habeas.suite.bench.ScaleReport;
import io.habeas.suite.bench.ScenarioResult;
import io.habeas.suite.bench.Scenarios;
import io.habeas.suite.bench.SqlReads;
import io.habeas.suite.bench.StatementPlan;
import io.habeas.suite.bench.StatementImporter;
import io.habeas.suite.bench.WarmUp;
import io.habeas.suite.load.Clients;
import io.habeas.suite.load.Machine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The scale benchmark (bench/scale): the suite on free ports over a data folder per scale, loaded once through
 * the import with the generated population; then each scenario through Habeas and by plain SQL (closed-loop
 * peak, open loop at a share of it), the import against COPY, each process's CPU and memory, optionally JFR;
 * the report's section for the scale is written and printed.
 */
public final class ScaleMain {
    private static final int OPEN_LOOP_THREADS = 16;
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final int PICKED_PERSONS = 1000;
    private static final int DEEP_PAGE = 11;

    private ScaleMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(ScaleOptions.USAGE);
            return;
        }
        Path root = Suite.findRoot();
        ScaleOptions options;
        try {
            options = ScaleOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ScaleOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options, root) ? 0 : 1);
    }

    static boolean run(ScaleOptions options, Path root) throws Exception {
        Instant began = Instant.now();
        if (options.fresh()) {
            deleteFolder(options.data());
        }
        Files.createDirectories(options.data());
        Ports ports = Ports.ephemeral();
        DevTokens tokens = DevTokens.inFolder(options.data());
        Database database = Database.embedded(options.data().resolve("postgres"), ports.postgres(), Database.Durability.DURABLE);
        // One token drives all the reads: the gateway's per-client limit would measure itself.
        Suite suite = new Suite(root, options.data().resolve("logs"), ports, database, tokens,
                PageTokenKey.inFolder(options.data()), Map.of("HABEAS_GATEWAY_RATE_LIMIT_REQUESTS", "0"));
        if (!suite.missingJars().isEmpty()) {
            database.close();
            System.err.println("Not built yet: " + suite.missingJars() + ". Run ./mvnw -B -DskipTests package first.");
            return false;
        }
        Thread hook = new Thread(() -> closeQuietly(suite), "habeas-scale-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Duration validity = Duration.ofHours(24);
        try (Clients writer = new Clients(ports.detention(), ports.statement(), tokens.forPerson(Role.ADMIN, validity));
                Clients reader = new Clients(ports.detention(), ports.statement(), tokens.forPerson(Role.ANALYST, validity));
                SqlReads sql = new SqlReads(database.jdbcUrl("detention"), database.jdbcUrl("statement"), database.user(),
                        database.password())) {
            suite.start(ScaleMain::progress);
            progress("Data and logs: " + options.data());
            Population population = new Population(options.seed());
            String loaded = loadOnce(options, population, writer, database);
            if (options.loadOnly()) {
                progress("Loaded (--load-only: no scenarios)");
                return true;
            }
            if (options.serve()) {
                serve(ports, tokens.forPerson(Role.ANALYST, validity), database.describe());
                return true;
            }
            settle(database);
            Picks picks = pick(database, population);
            progress("Largest country " + picks.country + "; " + picks.persons.size() + " persons picked for person reads");

            String analyst = tokens.forPerson(Role.ANALYST, validity);
            Gateway gateway = new Gateway(ports.gateway(), analyst);
            String deepCursor = gateway.cursorOfPage(picks.country, DEEP_PAGE);
            SqlReads.FeedKey deepKey = sql.countryFeedKeyAt(picks.country, (DEEP_PAGE - 1) * 50 - 1);
            var personStub = PersonServiceGrpc.newBlockingStub(reader.detention());
            Processes processes = new Processes(List.of(
                    javaProcess(suite, Suite.GATEWAY), javaProcess(suite, Suite.DETENTION), javaProcess(suite, Suite.STATEMENT),
                    new Processes.Watched("postgresql", () -> database.postmaster()
                            .map(p -> Stream.concat(Stream.of(p), p.descendants()).toList()).orElse(List.of()), true)));

            List<Scenario> scenarios = new ArrayList<>();
            scenarios.add(new Scenario(Scenarios.PERSON_TIMELINE, "gateway `GET /persons/{id}/timeline`",
                    r -> gateway.get("persons/" + picks.person(r) + "/timeline"), r -> sql.personTimeline(picks.person(r))));
            scenarios.add(new Scenario(Scenarios.PROFILE, "gateway `GET /persons/{id}`",
                    r -> gateway.get("persons/" + picks.person(r)), r -> sql.profile(picks.person(r))));
            scenarios.add(new Scenario(Scenarios.GET_PERSON, "detention-service gRPC `GetPerson`",
                    r -> personStub.getPerson(GetPersonRequest.newBuilder().setName("persons/" + picks.person(r)).build()),
                    r -> sql.person(picks.person(r))));
            scenarios.add(new Scenario(Scenarios.COUNTRY_FIRST_PAGE, "gateway `GET /countries/" + picks.country + "/timeline`",
                    r -> gateway.get("countries/" + picks.country + "/timeline?pageSize=50"),
                    r -> sql.countryTimeline(picks.country, null)));
            if (deepCursor != null && deepKey != null) {
                scenarios.add(new Scenario(Scenarios.COUNTRY_DEEP_PAGE, "the same, with page 10's cursor",
                        r -> gateway.get("countries/" + picks.country + "/timeline?pageSize=50&cursor="
                                + URLEncoder.encode(deepCursor, StandardCharsets.UTF_8)),
                        r -> sql.countryTimeline(picks.country, deepKey)));
            }
            scenarios.add(new Scenario(Scenarios.COUNTRY_SUMMARY, "gateway `GET /countries/" + picks.country + "/summary`",
                    r -> gateway.get("countries/" + picks.country + "/summary"), r -> sql.countrySummary(picks.country)));
            String term = population.searchTerm();
            scenarios.add(new Scenario(Scenarios.SEARCH, "gateway `GET /persons?q=" + term + "`",
                    r -> gateway.get("persons?q=" + term), r -> sql.search(term)));

            Duration firstPass = warmEveryScenario(scenarios, options);
            List<ScenarioResult> results = new ArrayList<>();
            List<Profiler.Profile> profiles = new ArrayList<>();
            for (Scenario scenario : scenarios) {
                boolean profiled = options.profile() && scenario.name.equals(Scenarios.PERSON_TIMELINE);
                results.add(measure(scenario, options, processes, sql, profiled ? suite : null, profiles));
            }
            Imports imports = importAgainstCopy(options, population, writer, database, began);

            String settings = "Warm-up: a first pass over every scenario in turn (%d s in all), then before each is measured again: %s; closed-loop peak %d s at %d workers, open loop %d s at %.0f%% of each peak (up to %d requests in flight); %s; the load generator on the same machine."
                    .formatted(firstPass.toSeconds(), WarmUp.rule(options.workers(), options.warmUp()), options.peak().toSeconds(), options.workers(),
                            options.open().toSeconds(), options.share() * 100, OPEN_LOOP_THREADS, database.describe());
            ScaleReport.Context context = new ScaleReport.Context(DateTimeFormatter.ISO_LOCAL_DATE_TIME
                    .format(began.atOffset(ZoneOffset.UTC).withNano(0)) + " UTC", SoakMain.commit(root), Machine.describe(), settings);
            Path smallest = root.resolve("bench/scale-10k.tsv");
            Map<String, Double> smallestP50 = !options.scale().equals("10k") && Files.isRegularFile(smallest)
                    ? ScaleReport.parseP50Table(Files.readString(smallest)) : Map.of();
            ScaleReport report = new ScaleReport(options.scale(), context, counts(database, loaded), imports.persons(),
                    imports.statements(), results, profiles,
                    Scenarios.PERSON_TIMELINE, smallestP50);
            Path file = options.report().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.spliceInto(Files.isRegularFile(file) ? Files.readString(file) : null));
            Files.writeString(root.resolve("bench/scale-" + options.scale() + ".tsv"), report.p50Table());
            System.out.println();
            System.out.println(report.section());
            progress("Report written to " + file);
            return true;
        } finally {
            closeQuietly(suite);
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** A scenario: its Habeas request and the baseline's. */
    private record Scenario(String name, String through, Load.Request habeas, Load.Request baseline) {
    }

    /**
     * Warms every scenario up before the first is measured: they share the JVMs and their compiled code, so
     * without this pass the first scenario measured ran on the coldest JVMs and gave up early (at a million
     * persons the person timeline's rate kept rising after its own warm-up had seen three flat rounds).
     */
    private static Duration warmEveryScenario(List<Scenario> scenarios, ScaleOptions options) throws InterruptedException {
        Duration took = Duration.ZERO;
        for (Scenario scenario : scenarios) {
            WarmUp.Done done = WarmUp.run(scenario.habeas, options.workers(), options.warmUp());
            progress("%s: first warm-up pass %d s (rounds %s)".formatted(scenario.name, done.took().toSeconds(), rates(done)));
            took = took.plus(done.took());
        }
        return took;
    }

    private static String rates(WarmUp.Done done) {
        return done.rates().stream().map(r -> "%.1f/s".formatted(r)).collect(Collectors.joining(", "));
    }

    private static ScenarioResult measure(Scenario scenario, ScaleOptions options, Processes processes, SqlReads sql,
            Suite profiled, List<Profiler.Profile> profiles) throws Exception {
        progress(scenario.name + ": warm-up, then the peak (closed loop, " + options.workers() + " workers)");
        WarmUp.Done warmUp = WarmUp.run(scenario.habeas, options.workers(), options.warmUp());
        progress("%s: warmed up in %d s (%s; rounds %s)".formatted(scenario.name, warmUp.took().toSeconds(),
                warmUp.steady() ? "steady" : "still rising at the limit", rates(warmUp)));
        Figures habeasPeak = Load.closed(scenario.habeas, options.workers(), options.peak());
        double rate = Math.max(1, habeasPeak.perSecond() * options.share());
        progress("%s: peak %.1f/s (%d errors); open loop at %.1f/s".formatted(scenario.name, habeasPeak.perSecond(),
                habeasPeak.errors(), rate));
        Path folder = options.data().resolve("profiles");
        List<ServiceProcess> java = profiled == null ? List.of() : List.of(profiled.service(Suite.GATEWAY),
                profiled.service(Suite.DETENTION), profiled.service(Suite.STATEMENT));
        if (!java.isEmpty()) {
            Files.createDirectories(folder);
            for (ServiceProcess p : java) {
                Profiler.start(p.pid(), folder.resolve(p.name + ".jfr"));
            }
        }
        Load.takeLastError();
        Processes.Meter meter = processes.start();
        Figures habeas = Load.open(scenario.habeas, rate, options.open(), OPEN_LOOP_THREADS, DRAIN);
        List<Processes.Usage> usage = meter.stop();
        for (ServiceProcess p : java) {
            Profiler.stop(p.pid());
            profiles.add(Profiler.read(p.name, folder.resolve(p.name + ".jfr"), 15));
        }
        String error = Load.takeLastError();
        progress("%s: Habeas %.1f/s, p50 %.1f ms, p99 %.1f ms, %d errors%s".formatted(scenario.name, habeas.perSecond(),
                habeas.p50Ms(), habeas.p99Ms(), habeas.errors(), error == null ? "" : " (last: " + error + ")"));

        // Each loop's threads open their own connections: closed after each loop, they never pile up.
        Load.takeLastError();
        WarmUp.run(scenario.baseline, options.workers(), options.warmUp());
        sql.close();
        Figures baselinePeak = Load.closed(scenario.baseline, options.workers(), options.peak());
        sql.close();
        Figures baseline = Load.open(scenario.baseline, Math.max(1, baselinePeak.perSecond() * options.share()), options.open(),
                OPEN_LOOP_THREADS, DRAIN);
        sql.close();
        String baselineError = Load.takeLastError();
        progress("%s: baseline peak %.1f/s; open loop %.1f/s, p50 %.2f ms, p99 %.2f ms, %d errors%s".formatted(scenario.name,
                baselinePeak.perSecond(), baseline.perSecond(), baseline.p50Ms(), baseline.p99Ms(),
                baseline.errors() + baselinePeak.errors(), baselineError == null ? "" : " (last: " + baselineError + ")"));
        return new ScenarioResult(scenario.name, scenario.through, warmUp, habeasPeak, habeas, baselinePeak, baseline, usage);
    }

    /**
     * Loads the population and its statements unless the data folder says it holds them, going on from where an
     * earlier load of the same folder stopped.
     */
    private static String loadOnce(ScaleOptions options, Population population, Clients writer, Database database)
            throws Exception {
        Path marker = options.data().resolve("loaded.properties");
        Properties loaded = new Properties();
        if (Files.isRegularFile(marker)) {
            try (var in = Files.newBufferedReader(marker)) {
                loaded.load(in);
            }
            if (loaded.getProperty("seed", "").equals(Long.toString(options.seed()))
                    && loaded.getProperty("persons", "").equals(Integer.toString(options.persons()))) {
                progress("Reusing the data loaded " + loaded.getProperty("when") + " (" + loaded.getProperty("summary") + ")");
                return "Loaded earlier: " + loaded.getProperty("summary");
            }
            throw new IllegalStateException(options.data() + " holds another load (" + loaded + "): use --fresh or --data");
        }
        LoadProgress done = LoadProgress.in(options.data(), options.seed(), options.persons(), options.statements());
        List<String> parts = new ArrayList<>();
        int personsFrom = done.personsDone();
        if (personsFrom < options.persons()) {
            progress("Importing persons " + personsFrom + " to " + options.persons() + " (seed " + options.seed() + ")");
            Importer.Result persons = new Importer(writer.detention()).load(population, personsFrom, options.persons(),
                    ScaleMain::progress, done::personsDone);
            progress("Imported: %d created, %d updated, %d unchanged, %d rejected; %.0f rows/s %s".formatted(persons.created(),
                    persons.updated(), persons.unchanged(), persons.rejected(), persons.rowsPerSecond(), persons.rejections()));
            parts.add("import of %s persons (%d rows) in %.0f s, %.0f rows/s, %d rejected".formatted(
                    resumed(personsFrom, options.persons()), persons.rows(), persons.seconds(), persons.rowsPerSecond(),
                    persons.rejected()));
        }
        String[] names = PersonNames.read(database.jdbcUrl("detention"), database.user(), database.password(),
                population, options.persons());
        StatementPlan plan = new StatementPlan(population, options.persons());
        int itemsFrom = done.statementItemsDone();
        progress("Importing statement items " + itemsFrom + " to " + (plan.actors() + options.statements())
                + " (actors, then " + options.statements() + " statements) through ImportStatementRecords");
        StatementImporter.Result statements = new StatementImporter(writer.statement())
                .load(plan, itemsFrom, options.statements(), names, ScaleMain::progress, done::statementItemsDone);
        progress("Statements: %d created, %d updated, %d unchanged, %d rejected, %d skipped; %.0f statements/s %s".formatted(
                statements.created(), statements.updated(), statements.unchanged(), statements.rejected(), statements.skipped(),
                statements.statementsPerSecond(), statements.rejections()));
        parts.add(("import of %s statements with their actors in %.0f s, %.0f statements/s, %d rejected, %d skipped "
                + "(naming only rejected persons)").formatted(resumed(itemsFrom, plan.actors() + options.statements()),
                statements.seconds(), statements.statementsPerSecond(), statements.rejected(), statements.skipped()));
        String summary = String.join("; ", parts);
        loaded.setProperty("seed", Long.toString(options.seed()));
        loaded.setProperty("persons", Integer.toString(options.persons()));
        loaded.setProperty("when", Instant.now().toString());
        loaded.setProperty("summary", summary);
        try (var out = Files.newBufferedWriter(marker)) {
            loaded.store(out, "bench/scale: what this data folder holds");
        }
        return "Loaded in this run: " + summary;
    }

    /**
     * VACUUM (ANALYZE) of both databases before anything is measured, as an operator runs it after a bulk load:
     * otherwise autovacuum reads the new rows during the first scenarios, and the planner's statistics lag.
     */
    private static void settle(Database database) throws SQLException {
        for (String name : List.of("detention", "statement")) {
            long began = System.nanoTime();
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(name), database.user(), database.password());
                    Statement s = c.createStatement()) {
                s.execute("VACUUM (ANALYZE)");
            }
            progress("VACUUM (ANALYZE) of %s in %.1f s".formatted(name, (System.nanoTime() - began) / 1e9));
        }
    }

    /** Keeps the suite up over the loaded data for reads by hand (a profiler, a load tool) until stopped. */
    private static void serve(Ports ports, String analyst, String database) throws InterruptedException {
        progress(("Serving (--serve) until stopped with SIGTERM: gateway http://localhost:%d/api/v1, detention-service "
                + "localhost:%d, statement-service localhost:%d, %s").formatted(ports.gateway(), ports.detention(),
                ports.statement(), database));
        progress("An analyst's token: " + analyst);
        Thread.currentThread().join();
    }

    /** "10000", or for a load that went on from where an earlier run stopped, what this run did of it. */
    private static String resumed(int from, int to) {
        return from == 0 ? Integer.toString(to) : "items %d to %d (resumed; the rest in earlier runs)".formatted(from, to);
    }

    /** What the import-rate scenario measured: persons, then statements about them. */
    private record Imports(ScaleReport.Import persons, ScaleReport.StatementImport statements) {
    }

    /**
     * New persons imported and the same rows copied: a twentieth of the scale, 500 to 5,000 persons (fewer in a
     * small trial); then two statements per new person about them, and the same rows copied.
     */
    private static Imports importAgainstCopy(ScaleOptions options, Population population, Clients writer,
            Database database, Instant began) throws Exception {
        int count = Math.max(Math.min(500, options.persons() / 2), Math.min(5000, options.persons() / 20));
        Population fresh = new Population(population.seed() * 31 + began.getEpochSecond());
        CopyBaseline copy = new CopyBaseline(database.jdbcUrl("detention"), database.user(), database.password());
        long from = copy.nextTransactionId();
        progress("Import rate: " + count + " new persons through ImportRecords");
        Importer.Result imported = new Importer(writer.detention()).load(fresh, 0, count, ScaleMain::progress);
        CopyBaseline.Result copied = copy.copyRowsWrittenSince(from);
        progress("Import %.0f rows/s (%d rejected); COPY of the %d rows it wrote %.0f rows/s".formatted(imported.rowsPerSecond(),
                imported.rejected(), copied.rows(), copied.rowsPerSecond()));

        CopyBaseline statementCopy = new CopyBaseline(database.jdbcUrl("statement"), database.user(), database.password());
        long statementsFrom = statementCopy.nextTransactionId();
        progress("Import rate: " + 2 * count + " new statements through ImportStatementRecords");
        StatementImporter.Result statements = new StatementImporter(writer.statement())
                .load(new StatementPlan(fresh, count), 2 * count, imported.persons(), ScaleMain::progress);
        CopyBaseline.Result statementsCopied = statementCopy.copyRowsWrittenSince(statementsFrom);
        progress("Statement import %.0f statements/s (%d rejected); COPY of the %d rows it wrote %.0f rows/s".formatted(
                statements.statementsPerSecond(), statements.rejected(), statementsCopied.rows(), statementsCopied.rowsPerSecond()));
        return new Imports(new ScaleReport.Import(count, imported.rows(), imported.seconds(), copied.rows(), copied.seconds()),
                new ScaleReport.StatementImport(statements.statements(), statements.seconds(), statementsCopied.rows(),
                        statementsCopied.seconds()));
    }

    /** The persons the reads ask for (visible to an analyst), and the country with the most detentions. */
    private record Picks(List<String> persons, String country) {
        String person(SplittableRandom random) {
            return persons.get(random.nextInt(persons.size()));
        }
    }

    private static Picks pick(Database database, Population population) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl("detention"), database.user(), database.password());
                Statement s = c.createStatement()) {
            List<String> persons = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id FROM person WHERE access_level IN ('PUBLIC', 'RESTRICTED') "
                    + "AND state = 'ACTIVE' ORDER BY md5(id::text || '" + population.seed() + "') LIMIT " + PICKED_PERSONS)) {
                while (r.next()) {
                    persons.add(r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT detaining_country FROM detention GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")) {
                r.next();
                return new Picks(List.copyOf(persons), r.getString(1));
            }
        }
    }

    private static ScaleReport.Data counts(Database database, String loaded) throws SQLException {
        long persons;
        long rows;
        long statements;
        try (Connection c = DriverManager.getConnection(database.jdbcUrl("detention"), database.user(), database.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM person) + "
                        + "(SELECT count(*) FROM detention) + (SELECT count(*) FROM custody_event) + (SELECT count(*) FROM charge)")) {
            r.next();
            persons = r.getLong(1);
            rows = r.getLong(2);
        }
        try (Connection c = DriverManager.getConnection(database.jdbcUrl("statement"), database.user(), database.password());
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM statement")) {
            r.next();
            statements = r.getLong(1);
        }
        return new ScaleReport.Data(persons, rows, statements, loaded);
    }

    private static Processes.Watched javaProcess(Suite suite, String name) {
        ServiceProcess service = suite.service(name);
        return new Processes.Watched(name, () -> service.isRunning()
                ? ProcessHandle.of(service.pid()).map(List::of).orElse(List.of()) : List.of(), false);
    }

    /** The gateway's REST API with one bearer token; an answer other than 200, or a part missing because a backend failed, is an error. */
    private static final class Gateway {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String token;

        Gateway(int port, String token) {
            this.base = "http://127.0.0.1:" + port + "/api/v1/";
            this.token = token;
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException(answer.statusCode() + " from " + path + ": "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
            }
            String failed = PartialAnswers.failedPart(answer.body());
            if (failed != null) {
                throw new IOException("a partial answer from " + path + ": " + failed);
            }
            return answer.body();
        }

        /** For the walk before the load: applications just started answer their first reads slowly, some too slowly. */
        private String patiently(String path) throws IOException, InterruptedException {
            for (int attempt = 1; ; attempt++) {
                try {
                    return get(path);
                } catch (IOException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    Thread.sleep(2000L * attempt);
                }
            }
        }

        /** The cursor that opens page {@code page} of the country's timeline, or null when it has fewer pages. */
        String cursorOfPage(String country, int page) throws IOException, InterruptedException {
            String cursor = null;
            for (int p = 1; p < page; p++) {
                String body = patiently("countries/" + country + "/timeline?pageSize=50"
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
                var m = java.util.regex.Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
                if (!m.find()) {
                    return null;
                }
                cursor = m.group(1);
            }
            return cursor;
        }
    }

    private static void closeQuietly(Suite suite) {
        try {
            suite.close();
        } catch (Exception e) {
            System.err.println("Could not stop cleanly: " + e);
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void progress(String message) {
        System.out.println("[habeas-scale] " + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " " + message);
    }
}
