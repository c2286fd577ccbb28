package io.habeas.kernel.paging;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenKeysTest {
    private static final QueryFingerprint QUERY = QueryFingerprint.of("persons", "RU", null);
    private static final Duration DAY = Duration.ofHours(24);

    private static String key(int bytes, int fill) {
        byte[] key = new byte[bytes];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @AfterEach
    void backToARandomKey() {
        TokenKeys.reset();
    }

    @Test
    void withoutAKeyWarnsAndKeepsARandomOne() {
        String before = OpaqueToken.encode(QUERY, List.of("a"));
        Optional<String> warning = TokenKeys.configureAtStartup(Optional.empty(), DAY, false);

        assertTrue(warning.orElseThrow().startsWith("HABEAS_PAGE_TOKEN_KEY is not set"), warning.get());
        assertFalse(TokenKeys.isConfigured());
        assertEquals(List.of("a"), OpaqueToken.decode(before, QUERY, "page_token"));
        assertTrue(TokenKeys.configureAtStartup(Optional.of(" "), DAY, false).isPresent());
    }

    @Test
    void withoutAKeyRefusesToStartWhereOneIsRequired() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TokenKeys.configureAtStartup(Optional.empty(), DAY, true));
        assertTrue(e.getMessage().startsWith("HABEAS_PAGE_TOKEN_KEY is not set"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> TokenKeys.configureAtStartup(Optional.of(""), DAY, true));
        assertFalse(TokenKeys.isConfigured());
    }

    @Test
    void aGivenKeySealsFromThenOn() {
        String before = OpaqueToken.encode(QUERY, List.of("a"));
        assertEquals(Optional.empty(), TokenKeys.configureAtStartup(Optional.of(key(32, 7) + "\n"), DAY, true));

        assertTrue(TokenKeys.isConfigured());
        assertInvalid("page_token", OpaqueTokenTest.NOT_ISSUED, () -> OpaqueToken.decode(before, QUERY, "page_token"));
        String after = OpaqueToken.encode(QUERY, List.of("b"));
        TokenKeys.reset();
        TokenKeys.configure(Base64.getDecoder().decode(key(32, 7)), DAY);
        assertEquals(List.of("b"), OpaqueToken.decode(after, QUERY, "page_token"), "the same key opens it in another process");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 24, 31, 33, 64})
    void aKeyOfAnotherLengthIsAStartupErrorNamingTheVariable(int bytes) {
        String key = key(bytes, 0x5a);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenKeys.configureAtStartup(Optional.of(key), DAY, true));
        assertTrue(e.getMessage().startsWith("HABEAS_PAGE_TOKEN_KEY holds " + bytes + " bytes, not 32"), e.getMessage());
        assertFalse(e.getMessage().contains(key), "the message shows the key");
        assertFalse(TokenKeys.isConfigured());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "ab_-cd", "====", "secret"})
    void aKeyThatIsNotBase64IsAStartupErrorNamingTheVariable(String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenKeys.configureAtStartup(Optional.of(key), DAY, false));
        assertTrue(e.getMessage().startsWith("HABEAS_PAGE_TOKEN_KEY "), e.getMessage());
        assertFalse(e.getMessage().contains(key), "the message shows the key");
    }

    @Test
    void aLifetimeThatIsNotPositiveIsAStartupErrorNamingTheVariable() {
        for (Duration lifetime : List.of(Duration.ZERO, Duration.ofSeconds(-1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TokenKeys.configureAtStartup(Optional.of(key(32, 1)), lifetime, true));
            assertTrue(e.getMessage().startsWith("HABEAS_PAGE_TOKEN_LIFETIME must be positive"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> TokenKeys.configure(new byte[32], lifetime));
        }
        assertFalse(TokenKeys.isConfigured());
    }

    @Test
    void configureRefusesAKeyOfAnotherLength() {
        assertThrows(IllegalArgumentException.class, () -> TokenKeys.configure(new byte[16], DAY));
    }

    @Test
    void configureKeepsItsOwnCopyOfTheKey() {
        byte[] key = new byte[32];
        TokenKeys.configure(key, DAY);
        String token = OpaqueToken.encode(QUERY, List.of("a"));
        key[0] = 1;
        assertEquals(List.of("a"), OpaqueToken.decode(token, QUERY, "page_token"));
    }

    @Test
    void sealsAndOpensFromManyThreadsAtOnce() throws Exception {
        TokenKeys.configure(new byte[32], DAY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 2000).mapToObj(i -> pool.submit(() -> {
                List<String> fields = List.of(Integer.toString(i));
                return OpaqueToken.decode(OpaqueToken.encode(QUERY, fields), QUERY, "page_token").equals(fields);
            })).toList();
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
