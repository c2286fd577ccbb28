package io.habeas.gateway;

import static io.habeas.gateway.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.habeas.gateway.fake.Backends;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile input to every route: a problem+json 400 naming the gateway's own parameter, decided
 * by the gateway without calling a backend, and never quoting what was sent.
 */
@QuarkusTest
class HostileInputTest extends GatewayTest {

    static final String PERSON_TIMELINE = "/api/v1/persons/{ibadoglu}/timeline";
    static final String COUNTRY_TIMELINE = "/api/v1/countries/AZ/timeline";
    static final String SUMMARY = "/api/v1/countries/AZ/summary";
    static final String PERSONS = "/api/v1/persons";
    static final String PROFILE = "/api/v1/persons/{ibadoglu}";
    static final String RECORD = id("record");
    /** Every history route. */
    static final List<String> HISTORIES = List.of("/api/v1/persons/{ibadoglu}/history", "/api/v1/detentions/" + RECORD + "/history",
            "/api/v1/detentions/" + RECORD + "/custody-events/" + RECORD + "/history",
            "/api/v1/detentions/" + RECORD + "/charges/" + RECORD + "/history", "/api/v1/statements/" + RECORD + "/history",
            "/api/v1/actors/" + RECORD + "/history");

    /** Each route's query parameters. */
    static final List<Arguments> PARAMETERS = Stream.concat(Stream.of(
            Arguments.of(PERSONS, List.of("q", "country", "status", "pageSize", "cursor")),
            Arguments.of(PROFILE, List.of("asOf")),
            Arguments.of(PERSON_TIMELINE, List.of("from", "to", "kind", "pageSize", "cursor", "format", "asOf")),
            Arguments.of(COUNTRY_TIMELINE, List.of("role", "from", "to", "kind", "pageSize", "cursor", "format", "asOf")),
            Arguments.of(SUMMARY, List.of("from", "to", "articles", "asOf"))),
            HISTORIES.stream().map(route -> Arguments.of(route, List.of("pageSize", "cursor")))).toList();

    /** Raw (percent-encoded) values no parameter takes: what they are, and the text. */
    static final List<String[]> TEXT = List.of(
            new String[] {"NUL", "%00"}, new String[] {"BEL", "a%07b"}, new String[] {"ESC", "%1B%5B31m"},
            new String[] {"DEL", "a%7F"}, new String[] {"C1", "a%C2%85"},
            new String[] {"line break", "a%0Ab"}, new String[] {"right-to-left override", "%E2%80%AEAZ"},
            new String[] {"isolate", "%E2%81%A6AZ"}, new String[] {"zero-width space only", "%E2%80%8B"},
            new String[] {"lone high surrogate", "%ED%A0%80"}, new String[] {"lone low surrogate", "a%ED%B0%80"},
            new String[] {"broken UTF-8", "%C3%28"}, new String[] {"broken percent", "%%%"},
            new String[] {"half a percent", "ab%4"}, new String[] {"noncharacter", "%EF%BF%BF"},
            new String[] {"over-long", "a".repeat(5000)});

    static Stream<Arguments> everyParameterWithEveryBadText() {
        List<Arguments> out = new ArrayList<>();
        for (Arguments route : PARAMETERS) {
            @SuppressWarnings("unchecked")
            List<String> params = (List<String>) route.get()[1];
            for (String param : params) {
                for (String[] text : TEXT) {
                    out.add(Arguments.of(text[0], route.get()[0] + "?" + param + "=" + text[1], param));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("everyParameterWithEveryBadText")
    void refusesTextNoPersonTyped(String what, String path, String param) {
        assertRefused(path, param);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("routeRules")
    void refusesWhatEachRouteRules(String path, String param) {
        assertRefused(path, param);
    }

    static Stream<Arguments> routeRules() {
        List<Arguments> out = new ArrayList<>();
        for (String route : List.of(PERSON_TIMELINE, COUNTRY_TIMELINE, SUMMARY)) {
            for (String date : List.of("2023-00", "2023-07-00", "2023-00-01", "2023-13", "0000", "2023-02-30",
                    "9999-01-01", "20230", "2023-7", "-2023", "2023-07-01T00:00")) {
                out.add(Arguments.of(route + "?from=" + date, "from"));
                out.add(Arguments.of(route + "?to=" + date, "to"));
            }
            out.add(Arguments.of(route + "?from=2023&from=2024", "from"));
        }
        for (String route : List.of(PROFILE, PERSON_TIMELINE, COUNTRY_TIMELINE, SUMMARY)) {
            for (String asOf : List.of("2024-03-01", "2024-03-01T00:00:00", "2999-01-01T00:00:00Z", "2024-13-01T00:00:00Z",
                    "%EF%BC%92024-03-01T00:00:00Z", "2024-03-01T00:00:00Z&asOf=2024-03-02T00:00:00Z")) {
                out.add(Arguments.of(route + "?asOf=" + asOf, "asOf"));
            }
        }
        List<String> paged = new ArrayList<>(List.of(PERSONS, PERSON_TIMELINE, COUNTRY_TIMELINE));
        paged.addAll(HISTORIES);
        for (String route : paged) {
            for (String size : List.of("0", "-1", "1000000", "99999999999999999999", "1e3", "0x10", "%EF%BC%95")) {
                out.add(Arguments.of(route + "?pageSize=" + size, "pageSize"));
            }
            for (String cursor : List.of("garbage", "%27%20OR%201%3D1%20--", "AAAA", "-_-_", "a".repeat(4000))) {
                out.add(Arguments.of(route + "?cursor=" + cursor, "cursor"));
            }
            out.add(Arguments.of(route + "?pageSize=1&pageSize=2", "pageSize"));
            out.add(Arguments.of(route + "?cursor=a&cursor=b", "cursor"));
        }
        for (String route : List.of(PERSON_TIMELINE, COUNTRY_TIMELINE)) {
            out.add(Arguments.of(route + "?format=csv&format=json", "format"));
            out.add(Arguments.of(route + "?format=%3Cscript%3E", "format"));
            out.add(Arguments.of(route + "?kind=%3Cscript%3E", "kind"));
        }
        out.add(Arguments.of(COUNTRY_TIMELINE + "?role=%3Cscript%3E", "role"));
        out.add(Arguments.of(PERSONS + "?q=" + "a".repeat(201), "q"));
        out.add(Arguments.of(PERSONS + "?q=Gubad%E2%80%8BIbadoglu", "q"));
        out.add(Arguments.of(PERSONS + "?q=a&q=b", "q"));
        out.add(Arguments.of(PERSONS + "?country=%3Cscript%3E", "country"));
        out.add(Arguments.of(PERSONS + "?country=AZ&country=RU", "country"));
        out.add(Arguments.of(PERSONS + "?status=%3Cscript%3E", "status"));
        out.add(Arguments.of(SUMMARY + "?articles=0", "articles"));
        out.add(Arguments.of(SUMMARY + "?articles=1000000000000", "articles"));
        out.add(Arguments.of(SUMMARY + "?articles=1&articles=2", "articles"));
        for (String id : List.of("%00", "%%%", "%ED%A0%80", "%C3%28", "ibadoglu", "%E2%80%AE" + PERSON_ID, PERSON_ID + "%00", "a".repeat(2000),
                "%27%20OR%201%3D1%20--")) {
            out.add(Arguments.of("/api/v1/persons/" + id, "personId"));
            out.add(Arguments.of("/api/v1/persons/" + id + "/timeline", "personId"));
            out.add(Arguments.of("/api/v1/persons/" + id + "/timeline?format=csv", "personId"));
            out.add(Arguments.of("/api/v1/persons/" + id + "/history", "personId"));
            out.add(Arguments.of("/api/v1/detentions/" + id + "/history", "detentionId"));
            out.add(Arguments.of("/api/v1/detentions/" + id + "/charges/" + RECORD + "/history", "detentionId"));
            out.add(Arguments.of("/api/v1/detentions/" + RECORD + "/custody-events/" + id + "/history", "eventId"));
            out.add(Arguments.of("/api/v1/detentions/" + RECORD + "/charges/" + id + "/history", "chargeId"));
            out.add(Arguments.of("/api/v1/statements/" + id + "/history", "statementId"));
            out.add(Arguments.of("/api/v1/actors/" + id + "/history", "actorId"));
        }
        for (String code : List.of("A%00", "%%%", "%ED%A0%80", "%E2%80%AEAZ", "AZE", "12", "%EF%BC%A1%EF%BC%BA")) {
            out.add(Arguments.of("/api/v1/countries/" + code + "/timeline", "countryCode"));
            out.add(Arguments.of("/api/v1/countries/" + code + "/summary", "countryCode"));
        }
        return out.stream();
    }

    private static final String PERSON_ID = id("ibadoglu");

    private void assertRefused(String path, String param) {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        String target = path.replace("{ibadoglu}", PERSON_ID);
        String body;
        if (isUri(target)) {
            Response response = given().urlEncodingEnabled(false).get(target);
            response.then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", is(400))
                    .body("invalidParams.name", contains(param));
            body = response.asString();
        } else {
            body = raw(target);
            assertTrue(body.startsWith("HTTP/1.1 400 "), body);
            assertTrue(body.contains("application/problem+json"), body);
            assertTrue(body.contains("\"invalidParams\":[{\"name\":\"" + param + "\""), body);
        }
        for (String echo : List.of("<script>", "OR 1=1", "aaaaaaaaaa", "\u202E", "\u0000", "\u001B", "\\u0000", "\\u001b")) {
            assertEquals(-1, body.indexOf(echo), () -> "echoes " + echo + ": " + body);
        }
        assertEquals(List.of(), Backends.calls, "a backend was called for a request the gateway could refuse alone");
    }

    private static boolean isUri(String target) {
        try {
            URI.create(target);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What no URI class lets a client send (a broken percent escape), sent as bytes; the whole answer as text. */
    private String raw(String target) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Past the longest request line the gateway reads, Vert.x answers 414 before any parameter is looked at. */
    @Test
    void aRequestLineOverTheLimitIs414() {
        given().urlEncodingEnabled(false).get(PERSONS + "?q=" + "a".repeat(9000)).then().statusCode(414);
        // Only this route's own calls count: a call the previous test's 502 left in flight may land here.
        assertEquals(List.of(), Backends.calls.stream()
                .filter(m -> m.startsWith("SearchPersons") || m.startsWith("ListPersons")).toList());
    }

    /** A mistake only a backend can see is told in the gateway's words, naming the gateway's parameter. */
    @Test
    void aBackendRejectionNamesTheGatewayParameterNotTheBackendField() {
        Backends.detentionError = Status.Code.INVALID_ARGUMENT;
        Backends.detentionErrorField = "query";
        given().queryParam("q", "Ibadoglu").get(PERSONS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", contains("q"))
                .body(not(containsString("query")))
                .body(not(containsString("script")));
    }

    /** A field of the backend's that no parameter of the request fed is the gateway's mistake: 502, blaming no one. */
    @Test
    void aBackendRejectionOfAFieldTheClientDidNotSendIs502() {
        Backends.persons.add(person(PERSON, "Gubad Ibadoglu", PUBLIC));
        Backends.detentionError = Status.Code.INVALID_ARGUMENT;
        Backends.detentionErrorField = "page_size";
        given().get("/api/v1/persons/" + PERSON_ID).then().statusCode(502)
                .contentType("application/problem+json")
                .body("invalidParams", nullValue())
                .body(not(containsString("script")));
    }
}
