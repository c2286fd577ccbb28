package io.habeas.suite.load;

import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.DetentionServiceGrpc;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetCustodyEventRequest;
import io.habeas.detention.v1.GetDetentionRequest;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ListCountryFeedRequest;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.ListPersonsRequest;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.statement.v1.ClaimItem;
import io.habeas.statement.v1.CreateStatementResponse;
import io.habeas.statement.v1.GetStatementRequest;
import io.habeas.statement.v1.ListCountryClaimsRequest;
import io.habeas.statement.v1.ListPersonClaimsRequest;
import io.habeas.statement.v1.ListStatementsRequest;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks a run's acknowledged writes against what the services hold: every record readable with what was
 * sent, every request id answered again with the same record, each record listed once and nothing else
 * listed, and the feeds holding exactly the acknowledged records. Calls that meet a service restarting are
 * retried for a while; any other failure is a finding.
 */
public final class LedgerAudit {
    private static final int PARALLEL_READS = 8;
    private static final long TRANSIENT_RETRY_NANOS = TimeUnit.SECONDS.toNanos(60);

    /**
     * One check: how many records it covered, what it found wrong (empty when nothing), and how many records it
     * found of writes given up (stored once though never acknowledged: allowed, since the client never learnt).
     */
    public record Findings(String check, long checked, List<String> problems, long storedUnacknowledged) {
        Findings(String check, long checked, List<String> problems) {
            this(check, checked, problems, 0);
        }

        public boolean clean() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return check + ": " + checked + " checked, " + problems.size() + " problem(s)"
                    + (storedUnacknowledged == 0 ? "" : ", " + storedUnacknowledged + " stored of writes given up")
                    + (problems.isEmpty() ? ""
                    : "; first: " + problems.stream().limit(5).map(p -> p.length() > 400 ? p.substring(0, 400) + "..." : p)
                    .collect(Collectors.joining(" | ")));
        }
    }

    private final Channel detention;
    private final Channel statement;
    /** Records found by {@link #listings} that writes given up stored; a feed may hold them too. */
    private final Set<String> storedUnacknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The channels carry a token that may see every record the load wrote (the writer's). */
    public LedgerAudit(Channel detention, Channel statement) {
        this.detention = detention;
        this.statement = statement;
    }

    /** Every acknowledged record read with its Get: there, and with the fields that were sent. A record not found is lost. */
    public Findings readBack(Collection<Acknowledged> writes) throws InterruptedException {
        return inParallel("readable with what was sent", writes, write -> {
            String read;
            try {
                read = retried(() -> read(write));
            } catch (StatusRuntimeException e) {
                return e.getStatus().getCode() == Status.Code.NOT_FOUND
                        ? "LOST: " + write.kind() + " " + write.name() + " (request_id " + write.requestId() + ") is not found"
                        : "cannot read " + write.name() + ": " + e.getStatus();
            }
            String sent = Projection.sent(write);
            return sent.equals(read) ? null : write.name() + " reads [" + read + "], sent [" + sent + "]";
        });
    }

    /** Every request sent again with its request id: answered with the record the first answer named. */
    public Findings resendAll(Collection<Acknowledged> acknowledged, Writes writes) throws InterruptedException {
        return inParallel("request ids sent again", acknowledged, write -> {
            String again;
            try {
                again = retried(() -> writes.resend(write));
            } catch (StatusRuntimeException e) {
                return "request_id " + write.requestId() + " sent again: " + e.getStatus();
            }
            return again.equals(write.name()) ? null
                    : "request_id " + write.requestId() + " named " + write.name() + ", sent again it names " + again;
        });
    }

    /**
     * Each acknowledged record listed exactly once, with one marker each, and nothing listed that was not
     * acknowledged: persons and statements by their lists, detentions, custody events and claims by their
     * country's feeds.
     */
    public Findings listings(Ledger ledger) {
        List<String> problems = new ArrayList<>();
        Set<String> givenUp = ledger.givenUp().stream().map(LedgerAudit::marker).collect(Collectors.toSet());
        Map<String, String> markers = new HashMap<>();
        List<String> persons = new ArrayList<>();
        List<String> personMarkers = new ArrayList<>();
        String token = "";
        do {
            var page = retried(pageOf(token, t -> PersonServiceGrpc.newBlockingStub(detention)
                    .listPersons(ListPersonsRequest.newBuilder().setPageSize(200).setPageToken(t).build())));
            page.getPersonsList().forEach(p -> {
                persons.add(p.getName());
                personMarkers.add(p.getDisplayName());
                markers.put(p.getName(), p.getDisplayName());
            });
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        compare("person", names(ledger.all(WriteKind.PERSON)), persons, problems, allowedIf(markers, givenUp));
        once("person display name", personMarkers, problems);

        List<String> statements = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        token = "";
        do {
            var page = retried(pageOf(token, t -> StatementServiceGrpc.newBlockingStub(statement)
                    .listStatements(ListStatementsRequest.newBuilder().setPageSize(200).setPageToken(t).build())));
            page.getStatementsList().forEach(s -> {
                statements.add(s.getName());
                titles.add(s.getTitle());
                markers.put(s.getName(), s.getTitle());
            });
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        compare("statement", names(ledger.all(WriteKind.STATEMENT)), statements, problems, allowedIf(markers, givenUp));
        once("statement title", titles, problems);

        for (String country : countries(ledger)) {
            List<String> detentions = new ArrayList<>();
            List<String> places = new ArrayList<>();
            List<String> events = new ArrayList<>();
            List<String> descriptions = new ArrayList<>();
            for (FeedItem item : countryFeed(country)) {
                switch (item.getRecordCase()) {
                    case DETENTION -> {
                        detentions.add(item.getDetention().getName());
                        places.add(item.getDetention().getPlace());
                        markers.put(item.getDetention().getName(), item.getDetention().getPlace());
                    }
                    case CUSTODY_EVENT -> {
                        events.add(item.getCustodyEvent().getName());
                        descriptions.add(item.getCustodyEvent().getDescription());
                        markers.put(item.getCustodyEvent().getName(), item.getCustodyEvent().getDescription());
                    }
                    default -> problems.add("unexpected " + item.getKind() + " in " + country + "'s feed");
                }
            }
            compare(country + " feed detention", names(inCountry(ledger, WriteKind.DETENTION, country)), detentions, problems,
                    allowedIf(markers, givenUp));
            once(country + " feed detention place", places, problems);
            compare(country + " feed custody event", names(inCountry(ledger, WriteKind.CUSTODY_EVENT, country)), events,
                    problems, allowedIf(markers, givenUp));
            once(country + " feed custody event description", descriptions, problems);
            compare(country + " claims", claims(inCountry(ledger, WriteKind.STATEMENT, country)), countryClaims(country),
                    problems, this::ofStoredUnacknowledged);
        }
        return new Findings("listed once, nothing else", ledger.acknowledged(), problems, storedUnacknowledged.size());
    }

    /** Each person's feed and claims: exactly that person's acknowledged detentions, custody events and claims. */
    public Findings personFeeds(Ledger ledger) throws InterruptedException {
        Map<String, List<String>> records = new HashMap<>();
        Map<String, List<String>> claims = new HashMap<>();
        for (Acknowledged write : ledger.all()) {
            switch (write.kind()) {
                case PERSON -> {
                    records.computeIfAbsent(write.name(), p -> new ArrayList<>());
                    claims.computeIfAbsent(write.name(), p -> new ArrayList<>());
                }
                case DETENTION, CUSTODY_EVENT -> records.computeIfAbsent(write.person(), p -> new ArrayList<>()).add(write.name());
                case STATEMENT -> claims.computeIfAbsent(write.person(), p -> new ArrayList<>()).addAll(claims(List.of(write)));
            }
        }
        return inParallel("person feeds match the records", records.keySet(), person -> {
            List<String> problems = new ArrayList<>();
            List<String> feed = new ArrayList<>();
            String token = "";
            do {
                String from = token;
                var page = retried(() -> DetentionServiceGrpc.newBlockingStub(detention).listPersonFeed(ListPersonFeedRequest
                        .newBuilder().setPerson(person).setPageSize(500).setPageToken(from).build()));
                page.getItemsList().forEach(item -> feed.add(recordName(item)));
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            compare(person + " feed", records.get(person), feed, problems, this::ofStoredUnacknowledged);
            List<String> claimed = new ArrayList<>();
            token = "";
            do {
                String from = token;
                var page = retried(() -> StatementServiceGrpc.newBlockingStub(statement).listPersonClaims(ListPersonClaimsRequest
                        .newBuilder().setPerson(person).setPageSize(500).setPageToken(from).build()));
                page.getItemsList().forEach(item -> claimed.add(item.getClaim()));
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            compare(person + " claims", claims.get(person), claimed, problems, this::ofStoredUnacknowledged);
            return problems.isEmpty() ? null : String.join("; ", problems);
        });
    }

    /** The names of the claims the acknowledged statements hold. */
    public static List<String> claims(Collection<Acknowledged> statements) {
        return statements.stream().flatMap(s -> ((CreateStatementResponse) s.response()).getStatement().getClaimsList().stream())
                .map(io.habeas.statement.v1.Claim::getName).toList();
    }

    private String read(Acknowledged write) {
        return switch (write.kind()) {
            case PERSON -> Projection.of(PersonServiceGrpc.newBlockingStub(detention)
                    .getPerson(GetPersonRequest.newBuilder().setName(write.name()).build()).getPerson());
            case DETENTION -> Projection.of(DetentionServiceGrpc.newBlockingStub(detention)
                    .getDetention(GetDetentionRequest.newBuilder().setName(write.name()).build()).getDetention());
            case CUSTODY_EVENT -> {
                String parent = ((CreateCustodyEventRequest) write.request()).getParent();
                if (!write.name().startsWith(parent + "/")) {
                    yield "under another detention than " + parent;
                }
                yield Projection.of(DetentionServiceGrpc.newBlockingStub(detention)
                        .getCustodyEvent(GetCustodyEventRequest.newBuilder().setName(write.name()).build()).getCustodyEvent());
            }
            case STATEMENT -> Projection.of(StatementServiceGrpc.newBlockingStub(statement)
                    .getStatement(GetStatementRequest.newBuilder().setName(write.name()).build()).getStatement());
        };
    }

    private List<FeedItem> countryFeed(String country) {
        List<FeedItem> items = new ArrayList<>();
        String token = "";
        do {
            String from = token;
            var page = retried(() -> DetentionServiceGrpc.newBlockingStub(detention).listCountryFeed(ListCountryFeedRequest
                    .newBuilder().setDetainingCountry(country).setPageSize(500).setPageToken(from).build()));
            items.addAll(page.getItemsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return items;
    }

    private List<String> countryClaims(String country) {
        List<String> claims = new ArrayList<>();
        String token = "";
        do {
            String from = token;
            var page = retried(() -> StatementServiceGrpc.newBlockingStub(statement).listCountryClaims(ListCountryClaimsRequest
                    .newBuilder().setCountry(country).setPageSize(500).setPageToken(from).build()));
            page.getItemsList().stream().map(ClaimItem::getClaim).forEach(claims::add);
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return claims;
    }

    private static String recordName(FeedItem item) {
        return switch (item.getRecordCase()) {
            case DETENTION -> item.getDetention().getName();
            case CUSTODY_EVENT -> item.getCustodyEvent().getName();
            default -> item.getKind() + " " + item.getDetentionName();
        };
    }

    private static Set<String> countries(Ledger ledger) {
        return ledger.all(WriteKind.PERSON).stream()
                .flatMap(p -> ((CreatePersonRequest) p.request()).getPerson().getCitizenshipsList().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The writes about persons of the country: each synthetic person is a citizen of its detentions' country. */
    private static List<Acknowledged> inCountry(Ledger ledger, WriteKind kind, String country) {
        Set<String> citizens = ledger.all(WriteKind.PERSON).stream()
                .filter(p -> ((CreatePersonRequest) p.request()).getPerson().getCitizenshipsList().contains(country))
                .map(Acknowledged::name).collect(Collectors.toSet());
        return ledger.all(kind).stream().filter(w -> citizens.contains(w.person())).toList();
    }

    private static List<String> names(List<Acknowledged> writes) {
        return writes.stream().map(Acknowledged::name).toList();
    }

    /**
     * Each expected name listed exactly once, and nothing listed that was not expected, but for what a write given
     * up stored (once: the markers are checked apart).
     */
    private static void compare(String what, Collection<String> expected, List<String> listed, List<String> problems,
            java.util.function.Predicate<String> givenUp) {
        Map<String, Long> times = listed.stream().collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        Set<String> wanted = new HashSet<>(expected);
        for (String name : wanted) {
            long count = times.getOrDefault(name, 0L);
            if (count != 1) {
                problems.add(what + " " + name + " listed " + count + " times");
            }
        }
        times.keySet().stream().filter(n -> !wanted.contains(n) && !givenUp.test(n))
                .forEach(n -> problems.add(what + " " + n + " listed but never acknowledged"));
    }

    /** A record some write given up stored: its marker is one of theirs. It is remembered for the feeds. */
    private java.util.function.Predicate<String> allowedIf(Map<String, String> markers, Set<String> givenUp) {
        return name -> {
            boolean theirs = givenUp.contains(markers.get(name));
            if (theirs) {
                storedUnacknowledged.add(name);
            }
            return theirs;
        };
    }

    /** A record stored by a write given up, or under one (a claim of such a statement, an event of such a detention). */
    private boolean ofStoredUnacknowledged(String name) {
        return storedUnacknowledged.stream().anyMatch(stored -> name.equals(stored) || name.startsWith(stored + "/"));
    }

    /** The field of a write's record that carries its case's marker. */
    private static String marker(Acknowledged write) {
        return switch (write.kind()) {
            case PERSON -> ((CreatePersonRequest) write.request()).getPerson().getDisplayName();
            case DETENTION -> ((io.habeas.detention.v1.CreateDetentionRequest) write.request()).getDetention().getPlace();
            case CUSTODY_EVENT -> ((CreateCustodyEventRequest) write.request()).getCustodyEvent().getDescription();
            case STATEMENT -> ((io.habeas.statement.v1.CreateStatementRequest) write.request()).getStatement().getTitle();
        };
    }

    private static void once(String what, List<String> markers, List<String> problems) {
        markers.stream().collect(Collectors.groupingBy(m -> m, Collectors.counting())).forEach((marker, count) -> {
            if (count > 1) {
                problems.add(what + " '" + marker + "' stored " + count + " times");
            }
        });
    }

    private static <T> Supplier<T> pageOf(String token, Function<String, T> read) {
        return () -> read.apply(token);
    }

    /** A read retried while it meets a service restarting or reconnecting to its database. */
    private static <T> T retried(Supplier<T> call) {
        long deadline = System.nanoTime() + TRANSIENT_RETRY_NANOS;
        while (true) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                Status.Code code = e.getStatus().getCode();
                boolean transientFailure = code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED
                        || code == Status.Code.ABORTED;
                if (!transientFailure || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Runs a check per item on a few threads; the check returns a problem, or null. */
    private static <T> Findings inParallel(String check, Collection<T> items, Function<T, String> problemOf)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_READS);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (T item : items) {
                running.add(pool.submit(() -> {
                    String problem;
                    try {
                        problem = problemOf.apply(item);
                    } catch (RuntimeException e) {
                        problem = item + ": " + e;
                    }
                    if (problem != null) {
                        problems.add(problem);
                    }
                }));
            }
            for (Future<?> one : running) {
                try {
                    one.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add(e.getCause().toString());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Findings(check, items.size(), List.copyOf(problems));
    }
}
