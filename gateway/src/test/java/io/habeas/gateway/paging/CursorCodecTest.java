package io.habeas.gateway.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.habeas.gateway.Fixtures;
import io.habeas.gateway.rest.ProblemMappers;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.paging.OpaqueToken;
import io.habeas.kernel.paging.QueryFingerprint;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorCodecTest {

    static final QueryFingerprint QUERY = QueryFingerprint.of("person-timeline", Fixtures.personName("x"), null, null, List.of(), 100);

    @Test
    void aCursorComesBackAsItWasSent() {
        Map<String, SourcePosition> positions = new LinkedHashMap<>();
        positions.put("detention-feed", SourcePosition.at("next-page", 17));
        positions.put("person-claims", SourcePosition.missing("timeout"));
        positions.put("country-claims", SourcePosition.done());
        Cursor cursor = new Cursor(positions);

        Cursor back = CursorCodec.decode(CursorCodec.encode(QUERY, cursor), QUERY);

        assertEquals(cursor, back);
        assertEquals(SourcePosition.START, back.position("a-source-it-does-not-name"));
    }

    @Test
    void noCursorIsTheStart() {
        assertEquals(Cursor.START, CursorCodec.decode(null, QUERY));
        assertEquals(Cursor.START, CursorCodec.decode(" ", QUERY));
    }

    @Test
    void aCursorOfAnotherQueryIsA400() {
        String other = CursorCodec.encode(QueryFingerprint.of("person-timeline", Fixtures.personName("x"), null, null, List.of(), 25),
                new Cursor(Map.of("detention-feed", SourcePosition.START)));
        assertRejectedAs400(other);
    }

    @ParameterizedTest
    @ValueSource(strings = { "***", "not base64!" })
    void textThatIsNotBase64IsA400(String text) {
        assertRejectedAs400(text);
    }

    @Test
    void aWrongNumberOfFieldsIsA400() {
        assertRejectedAs400(OpaqueToken.encode(QUERY, List.of("detention-feed", "", "0", "ACTIVE")));
    }

    @Test
    void aNegativeOrNonNumericConsumedCountIsA400() {
        assertRejectedAs400(OpaqueToken.encode(QUERY, List.of("detention-feed", "", "-1", "ACTIVE", "")));
        assertRejectedAs400(OpaqueToken.encode(QUERY, List.of("detention-feed", "", "many", "ACTIVE", "")));
    }

    @Test
    void anUnknownStatusIsA400() {
        assertRejectedAs400(OpaqueToken.encode(QUERY, List.of("detention-feed", "", "0", "PAUSED", "")));
    }

    /** As the REST layer answers it: a 400 problem whose invalid parameter is the cursor. */
    @SuppressWarnings("unchecked")
    static void assertRejectedAs400(String text) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> CursorCodec.decode(text, QUERY));
        Response response = new ProblemMappers().invalidArgument(e);
        assertEquals(400, response.getStatus());
        List<ProblemMappers.InvalidParam> params =
                (List<ProblemMappers.InvalidParam>) ((Map<String, Object>) response.getEntity()).get("invalidParams");
        assertEquals(List.of(CursorCodec.PARAM), params.stream().map(ProblemMappers.InvalidParam::name).toList());
    }
}
