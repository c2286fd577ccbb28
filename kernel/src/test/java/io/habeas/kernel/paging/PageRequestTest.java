package io.habeas.kernel.paging;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest(name = "[{index}] asked {0}, default {1}, max {2}: {3}")
    @CsvSource({
            "0,    50,  1000, 50",   // not asked: the default
            "0,    1,   1,    1",
            "1,    50,  1000, 1",
            "49,   50,  1000, 49",
            "51,   50,  1000, 51",   // more than the default is fine
            "1000, 50,  1000, 1000", // the max itself
            "1001, 50,  1000, 1000", // over the max: the max
            "2147483647, 50, 1000, 1000",
            "7,    10,  5,    5",
    })
    void takesTheSizeAskedForWithinTheMax(int requested, int defaultSize, int maxSize, int size) {
        assertEquals(new PageRequest(size, "t", ""), PageRequest.of(requested, "t", defaultSize, maxSize));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -50, Integer.MIN_VALUE})
    void rejectsANegativeSizeNamingPageSize(int requested) {
        assertInvalid("page_size", "must not be negative", () -> PageRequest.of(requested, "", 50, 1000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "  "})
    void keepsTheTokenAsGiven(String token) {
        assertEquals(token, PageRequest.of(10, token, 50, 1000).token());
    }

    @Test
    void aTokenIssuedToOneReaderIsRefusedToAnother() {
        QueryFingerprint query = QueryFingerprint.of("persons", "AZ");
        PageRequest first = PageRequest.of(1, "", 50, 200).forReader("ana|RESTRICTED");
        Page<String> page = Pager.page(first, query, Keys.ID, UUID::fromString, (after, limit) ->
                List.of("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"));
        String token = page.nextPageToken();
        assertEquals(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
                Pager.after(new PageRequest(1, token, "ana|RESTRICTED"), query, Keys.ID));
        for (String other : List.of("ana|PUBLIC", "vic|RESTRICTED", "")) {
            assertInvalid("page_token", OpaqueTokenTest.DIFFERENT_QUERY,
                    () -> Pager.after(new PageRequest(1, token, other), query, Keys.ID));
        }
    }
}
