package io.habeas.suite;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.StatusRuntimeException;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.Statement;
import io.habeas.statement.v1.StatementMedium;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests sent without pause by several threads until stopped: gateway reads of a person's timeline
 * and profile, which must answer 200 and whole, and gRPC writes with request ids to each backend,
 * which must be acknowledged. Every other outcome is kept as a failure with what it was.
 */
final class SteadyLoad implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final Queue<String> failures = new ConcurrentLinkedQueue<>();
    /** The persons whose creation was acknowledged. */
    final Queue<String> createdPersons = new ConcurrentLinkedQueue<>();
    private final Instant started = Instant.now();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param gateway the gateway's base URI
     * @param token the readers' and writers' bearer token (a recorder's or an admin's)
     * @param person the person whose timeline and profile are read
     * @param subject the person the statements written are about
     * @param actor who makes the statements
     */
    SteadyLoad(String gateway, String token, String person, String subject, String actor, Channel detention,
            Channel statement, int readers) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(DEADLINE).build();
        String id = person.substring(person.indexOf('/') + 1);
        for (int i = 0; i < readers; i++) {
            String path = i % 2 == 0 ? "/api/v1/persons/" + id + "/timeline" : "/api/v1/persons/" + id;
            HttpRequest read = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(DEADLINE)
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").build();
            start("reader-" + i, () -> read(http, read));
        }
        var persons = PersonServiceGrpc.newBlockingStub(ClientInterceptors.intercept(detention, DevTokens.bearer(token)));
        var statements = StatementServiceGrpc.newBlockingStub(ClientInterceptors.intercept(statement, DevTokens.bearer(token)));
        start("person-writer", () -> {
            Person created = persons.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).createPerson(
                    CreatePersonRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                            .setPerson(Person.newBuilder().setDisplayName("Rolling restart " + writes.get())
                                    .addSources(DemoCase.articleA())).build()).getPerson();
            createdPersons.add(created.getName());
        });
        start("statement-writer", () -> statements.withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .createStatement(CreateStatementRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setStatement(Statement.newBuilder().setActor(actor).setMadeOn(DemoCase.date(2024, 5, 1))
                                .setMedium(StatementMedium.STATEMENT_MEDIUM_PRESS_RELEASE).setTitle("Call number " + writes.get())
                                .addSources(DemoCase.articleA())
                                .addClaims(Claim.newBuilder().setKind(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE)
                                        .addSubjectPersons(subject).setText("Release them")))
                        .build()));
    }

    private void read(HttpClient http, HttpRequest read) {
        try {
            HttpResponse<String> answer = http.send(read, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("\"partial\":false")) {
                fail(read.uri().getPath() + " answered " + answer.statusCode() + ": " + answer.body());
            }
        } catch (java.io.IOException e) {
            fail(read.uri().getPath() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reads.incrementAndGet();
    }

    private void start(String name, Runnable request) {
        boolean write = name.endsWith("writer");
        Thread thread = new Thread(() -> {
            while (running && !Thread.currentThread().isInterrupted()) {
                try {
                    request.run();
                } catch (StatusRuntimeException e) {
                    fail(name + " got " + e.getStatus());
                } finally {
                    if (write) {
                        writes.incrementAndGet();
                    }
                }
            }
        }, name);
        threads.add(thread);
        thread.start();
    }

    private void fail(String what) {
        failures.add(Duration.between(started, Instant.now()).toMillis() + " ms: " + what);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
