package io.habeas.statement.support;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.GetPersonResponse;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.PersonServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain grpc-java server standing in for detention-service's PersonService. Tests decide
 * which persons exist and whether it answers, fails with UNAVAILABLE, or answers too late.
 */
public class FakeDetention {
    public enum Mode { SERVE, UNAVAILABLE, SLOW }

    /** How long a SLOW answer takes: well beyond the test deadline of statement-service. */
    public static final long SLOW_MILLIS = 5000;

    private final Set<String> persons = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Mode mode = Mode.SERVE;
    private final int port;
    private Server server;

    public FakeDetention() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        try {
            server = ServerBuilder.forPort(port).addService(new PersonServiceGrpc.PersonServiceImplBase() {
                @Override
                public void getPerson(GetPersonRequest request, StreamObserver<GetPersonResponse> answer) {
                    calls.incrementAndGet();
                    switch (mode) {
                        case UNAVAILABLE -> answer.onError(Status.UNAVAILABLE.withDescription("stand-in is down").asRuntimeException());
                        case SLOW -> {
                            sleep(SLOW_MILLIS);
                            reply(request, answer);
                        }
                        default -> reply(request, answer);
                    }
                }
            }).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Back to a running server that knows nobody and answers at once. */
    public void reset() {
        if (!isRunning()) {
            start();
        }
        persons.clear();
        calls.set(0);
        mode = Mode.SERVE;
    }

    /** A new person that detention-service knows: "persons/{id}". */
    public String knownPerson() {
        String name = "persons/" + UUID.randomUUID();
        persons.add(name);
        return name;
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    public int calls() {
        return calls.get();
    }

    private void reply(GetPersonRequest request, StreamObserver<GetPersonResponse> answer) {
        if (!persons.contains(request.getName())) {
            answer.onError(Status.NOT_FOUND.withDescription(request.getName() + " does not exist").asRuntimeException());
            return;
        }
        answer.onNext(GetPersonResponse.newBuilder()
                .setPerson(Person.newBuilder().setName(request.getName()).setDisplayName("Someone")).build());
        answer.onCompleted();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
