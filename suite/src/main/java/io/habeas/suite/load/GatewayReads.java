package io.habeas.suite.load;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads through the gateway's REST API, each answer judged as a client would: a whole answer, a marked
 * degradation (partial:true, X-Habeas-Partial, or a problem+json 503/504 saying which backend could
 * not answer), or an unmarked failure (any other status, a body that is not what the route promises,
 * a connection dropped or no answer in time).
 */
public final class GatewayReads {
    /** Longer than the gateway's own deadlines (2 s a backend call): a read that takes this long is a hang. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    public enum Read {
        PERSON_TIMELINE("read person timeline"),
        PERSON_PROFILE("read person profile"),
        COUNTRY_TIMELINE("read country timeline");

        public final String operation;

        Read(String operation) {
            this.operation = operation;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;
    private final String authorization;
    private final Outcomes outcomes;

    public GatewayReads(int gatewayPort, String token, Outcomes outcomes) {
        this.api = URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/");
        this.authorization = "Bearer " + token;
        this.outcomes = outcomes;
    }

    /** {@code subject}: "persons/{id}" for a person's reads, a country code for the country's timeline. */
    public Verdict read(Read read, String subject) {
        String path = switch (read) {
            case PERSON_TIMELINE -> subject + "/timeline?pageSize=50";
            case PERSON_PROFILE -> subject;
            case COUNTRY_TIMELINE -> "countries/" + subject + "/timeline?pageSize=50";
        };
        var request = java.net.http.HttpRequest.newBuilder(api.resolve(path)).timeout(READ_TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            outcomes.unmarked(read.operation, "no answer within " + READ_TIMEOUT.toSeconds() + " s", path);
            return Verdict.UNMARKED;
        } catch (IOException e) {
            outcomes.unmarked(read.operation, "connection failed: " + e.getClass().getSimpleName(), path + ": " + e.getMessage());
            return Verdict.UNMARKED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.UNMARKED;
        }
        return judge(read, path, answer);
    }

    private Verdict judge(Read read, String path, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        JsonObject body = object(answer.body());
        if (status == 200) {
            JsonValue partial = body == null ? null : body.get("partial");
            if (!type.startsWith("application/json") || (partial != JsonValue.TRUE && partial != JsonValue.FALSE)) {
                outcomes.unmarked(read.operation, "200 with a malformed body", path + ": " + head(answer.body()));
                return Verdict.UNMARKED;
            }
            if (partial == JsonValue.TRUE || answer.headers().firstValue("X-Habeas-Partial").isPresent()) {
                outcomes.record(read.operation, "200 partial" + missing(body), Verdict.MARKED);
                return Verdict.MARKED;
            }
            outcomes.record(read.operation, "200", Verdict.SUCCESS);
            return Verdict.SUCCESS;
        }
        boolean problem = type.startsWith("application/problem+json") && body != null
                && body.containsKey("status") && body.get("status").toString().equals(Integer.toString(status));
        if ((status == 503 || status == 504) && problem) {
            outcomes.record(read.operation, status + " problem+json" + missing(body), Verdict.MARKED);
            return Verdict.MARKED;
        }
        outcomes.unmarked(read.operation, status + (problem ? " problem+json" : " " + type), path + ": " + head(answer.body()));
        return Verdict.UNMARKED;
    }

    /** What the answer says is missing and why, as " (statement-service circuit_open)"; empty when it says nothing. */
    static String missing(JsonObject body) {
        if (!(body.get("missing") instanceof JsonArray missing) || missing.isEmpty()) {
            return "";
        }
        List<String> sources = new ArrayList<>();
        for (JsonValue source : missing) {
            if (source instanceof JsonObject s) {
                sources.add(s.getString("service", "?") + " " + s.getString("reason", "?"));
            }
        }
        Collections.sort(sources);
        return " (" + String.join(", ", sources) + ")";
    }

    private static JsonObject object(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String head(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
