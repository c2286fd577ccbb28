package io.habeas.gateway;

import io.restassured.RestAssured;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain HTTP client reading a live timeline's Server-Sent Events as a browser's EventSource would: events
 * (id, event, data) and comments, parsed as they arrive on a thread of its own, or read only when the test
 * asks (a client that does not keep up).
 */
final class LiveClient implements AutoCloseable {

    /** One SSE event; a comment line has only comment set. */
    record Event(String id, String event, String data, String comment) {
    }

    /** The end of the stream: the connection closed (normally, or reset). */
    static final Event CLOSED = new Event(null, null, null, "closed");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** The id of the stream's "ready" event, kept apart from the changes: every watch has started. */
    private final java.util.concurrent.CompletableFuture<String> ready = new java.util.concurrent.CompletableFuture<>();
    private final BufferedReader reader;

    private LiveClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    static HttpResponse<InputStream> send(String path, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens the stream and reads it as it comes; the answer must be a stream (200). */
    static LiveClient open(String path, String token, String lastEventId) {
        LiveClient client = paused(path, token, lastEventId);
        Thread t = new Thread(client::readAll, "live-client");
        t.setDaemon(true);
        t.start();
        return client;
    }

    /** Opens the stream without reading it: {@link #readNow} reads what arrived. */
    static LiveClient paused(String path, String token, String lastEventId) {
        HttpResponse<InputStream> response = send(path, token, lastEventId);
        if (response.statusCode() != 200) {
            throw new AssertionError("status " + response.statusCode() + ": " + body(response));
        }
        return new LiveClient(response);
    }

    /** A refusal's body; a stream that opened instead is closed unread, since it would never end. */
    static String body(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            if (response.statusCode() == 200) {
                return "<a stream opened>";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    /** Reads the stream to its end, events into the queue, then CLOSED. */
    void readAll() {
        try {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if ("ready".equals(name)) {
                        ready.complete(id);
                    } else if (data != null || name != null) {
                        events.add(new Event(id, name, data == null ? null : data.toString(), null));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            // a reset connection ends the stream as a close does
        }
        events.add(CLOSED);
    }

    /** The id of the "ready" event, waiting for it. */
    String ready() {
        try {
            return ready.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no ready event within 10 s", e);
        }
    }

    /** The next event or comment, waiting up to the timeout; fails when none comes. */
    Event next(Duration timeout) {
        try {
            Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no event within " + timeout);
            }
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** The next event (heartbeats and other comments skipped), or CLOSED. */
    Event nextEvent() {
        while (true) {
            Event e = next(Duration.ofSeconds(10));
            if (e == CLOSED || e.comment() == null) {
                return e;
            }
        }
    }

    /** The events of the next n, failing if the stream ends first. */
    List<Event> nextEvents(int n) {
        List<Event> out = new ArrayList<>();
        while (out.size() < n) {
            Event e = nextEvent();
            if (e == CLOSED) {
                throw new AssertionError("the stream ended after " + out);
            }
            out.add(e);
        }
        return out;
    }

    /** Whether nothing but comments arrives within the wait. */
    boolean quietFor(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            try {
                Event e = events.poll(10, TimeUnit.MILLISECONDS);
                if (e != null && e.comment() == null) {
                    throw new AssertionError("unexpected " + e);
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing is all that is wanted
        }
    }
}
