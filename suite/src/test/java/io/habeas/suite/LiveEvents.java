package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A gateway live timeline as a client reads it: its Server-Sent Events as they arrive, comments left out. */
final class LiveEvents implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** The id of the "ready" event (every watch of the stream has started), kept apart from the changes. */
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private LiveEvents(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "live-events");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveEvents open(String url, String token, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(url, token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        // A stream the client just closed is let go of by the gateway a moment later: until then it counts to the cap.
        for (int retry = 0; response.statusCode() == 429 && retry < 20; retry++) {
            response.body().close();
            Thread.sleep(250);
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("live timeline answered " + response.statusCode());
        }
        return new LiveEvents(response);
    }

    /** The body of a refused stream, after asserting its status; a stream that opens instead fails the test. */
    static String refused(String url, String token, int status) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = HTTP.send(request(url, token).build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> body = response.body()) {
            if (response.statusCode() == 200) {
                throw new AssertionError("the live timeline opened, where " + status + " was expected");
            }
            String text = body.collect(Collectors.joining("\n"));
            assertEquals(status, response.statusCode(), text);
            return text;
        }
    }

    /** A request for the stream; without a token when it is null. */
    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private void read() {
        String[] event = new String[3];
        try {
            response.body().forEach(line -> {
                if (line.isEmpty()) {
                    if ("ready".equals(event[1])) {
                        ready.complete(event[0]);
                    } else if (event[1] != null) {
                        events.add(new Event(event[0], event[1], event[2]));
                    }
                    event[0] = event[1] = event[2] = null;
                } else if (line.startsWith("id:")) {
                    event[0] = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event[1] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    event[2] = line.substring(5).trim();
                }
            });
        } catch (RuntimeException closed) {
            // the stream closed under the reader
        }
    }

    /** The id of the ready event, waiting up to 20 s for it. */
    String ready() throws Exception {
        return ready.get(20, TimeUnit.SECONDS);
    }

    /** The next event other than ready, waiting up to 20 s for it. */
    Event next() throws InterruptedException {
        Event next = events.poll(20, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no event within 20 s");
        }
        return next;
    }

    /** The next event other than ready already received, or null. */
    Event poll() {
        return events.poll();
    }

    /** Whether no event comes within the wait. */
    boolean quietFor(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }
}
