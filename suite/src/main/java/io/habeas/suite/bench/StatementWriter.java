package io.habeas.suite.bench;

import io.grpc.Channel;
import io.habeas.statement.v1.ActorServiceGrpc;
import io.habeas.statement.v1.CreateActorRequest;
import io.habeas.statement.v1.CreateStatementRequest;
import io.habeas.statement.v1.StatementServiceGrpc;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Stores the planned statements one CreateStatement at a time, {@link #CONCURRENCY} at once, with request ids
 * from the seed and index (sent again, nothing is stored twice). Until statement-service has a bulk import this
 * is how statements get in, which is why the harness loads only a bounded number of them.
 */
public final class StatementWriter {
    public static final int CONCURRENCY = 8;

    /** What was stored: statements and how long it took; {@code skipped} named only rejected persons. */
    public record Result(long stored, long skipped, long failed, double seconds, List<String> failures) {
    }

    private final Channel statement;

    public StatementWriter(Channel statement) {
        this.statement = statement;
    }

    public Result write(StatementPlan plan, int count, String[] personNames, Consumer<String> progress) throws Exception {
        long began = System.nanoTime();
        String[] actors = new String[plan.actors()];
        var actorStub = ActorServiceGrpc.newBlockingStub(statement);
        for (int a = 0; a < actors.length; a++) {
            actors[a] = actorStub.createActor(CreateActorRequest.newBuilder().setRequestId(requestId(plan, "actor", a))
                    .setActor(plan.actor(a)).build()).getActor().getName();
        }
        var stub = StatementServiceGrpc.newBlockingStub(statement);
        AtomicLong stored = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                int index = j;
                sent.add(pool.submit(() -> {
                    StatementPlan.Planned planned = plan.statement(index);
                    List<String> about = planned.persons().stream().map(p -> personNames[p]).filter(Objects::nonNull).toList();
                    if (about.isEmpty()) {
                        skipped.incrementAndGet();
                        return;
                    }
                    try {
                        stub.createStatement(CreateStatementRequest.newBuilder().setRequestId(requestId(plan, "statement", index))
                                .setStatement(StatementPlan.toStatement(planned, actors[planned.actor()], about)).build());
                        if (stored.incrementAndGet() % 1000 == 0) {
                            progress.accept("stored " + stored.get() + " of " + count + " statements");
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        synchronized (failures) {
                            if (failures.size() < 10) {
                                failures.add("statement " + index + ": " + e.getMessage());
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(stored.get(), skipped.get(), failed.get(), (System.nanoTime() - began) / 1e9,
                List.copyOf(failures));
    }

    private static String requestId(StatementPlan plan, String kind, int index) {
        return UUID.nameUUIDFromBytes(("habeas-bench/" + plan.seed() + "/" + kind + "/" + index)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
