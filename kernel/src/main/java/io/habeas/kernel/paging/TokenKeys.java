package io.habeas.kernel.paging;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server key page tokens are sealed with (AES-256) and how long a token stays good, set
 * once at startup from {@value #KEY_VARIABLE} and {@value #LIFETIME_VARIABLE}. Until then a
 * random key of this process seals them: enough for unit tests and a single dev process, but
 * its tokens die with the process and other replicas refuse them.
 */
public final class TokenKeys {
    public static final String KEY_VARIABLE = "HABEAS_PAGE_TOKEN_KEY";
    public static final String LIFETIME_VARIABLE = "HABEAS_PAGE_TOKEN_LIFETIME";
    public static final int KEY_BYTES = 32;
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What tokens are sealed and opened with; replaced whole, so a reader never sees half a change. */
    record Settings(SecretKey key, Duration lifetime, Clock clock, boolean configured) {
    }

    private static volatile Settings settings = randomKey(Clock.systemUTC());

    private TokenKeys() {
    }

    /** Seals and opens tokens with this key from now on; a token older than the lifetime is refused. */
    public static void configure(byte[] key, Duration lifetime) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a page token key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a page token lifetime is positive, not " + lifetime);
        }
        settings = new Settings(new SecretKeySpec(key.clone(), "AES"), lifetime, settings.clock(), true);
    }

    /** Whether {@link #configure} was called; if not, tokens are sealed with a random key of this process. */
    public static boolean isConfigured() {
        return settings.configured();
    }

    /**
     * What an application does at startup with its settings: configures the key given as base64
     * (standard alphabet, as {@code openssl rand -base64 32} prints it), or keeps the random one.
     *
     * @return the warning to log when no key is given
     * @throws IllegalStateException when no key is given but one is required (the prod profile)
     * @throws IllegalArgumentException naming the variable when the key or the lifetime is unfit
     */
    public static Optional<String> configureAtStartup(Optional<String> base64Key, Duration lifetime, boolean keyRequired) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException(LIFETIME_VARIABLE + " must be positive, not " + lifetime);
        }
        String advice = " Set it to the base64 of " + KEY_BYTES + " random bytes (openssl rand -base64 " + KEY_BYTES
                + "), the same for every replica.";
        if (base64Key.isEmpty() || base64Key.get().isBlank()) {
            if (keyRequired) {
                throw new IllegalStateException(KEY_VARIABLE + " is not set; the prod profile requires it." + advice);
            }
            return Optional.of(KEY_VARIABLE + " is not set: page tokens are sealed with a random key of this process,"
                    + " so they die with it and other replicas refuse them." + advice);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.get().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY_VARIABLE + " is not base64." + advice);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(KEY_VARIABLE + " holds " + key.length + " bytes, not " + KEY_BYTES + "." + advice);
        }
        configure(key, lifetime);
        return Optional.empty();
    }

    static Settings current() {
        return settings;
    }

    /** For tests: tokens are issued and their age measured by this clock. */
    static void useClock(Clock clock) {
        Settings now = settings;
        settings = new Settings(now.key(), now.lifetime(), clock, now.configured());
    }

    /** For tests: back to a new random key, the default lifetime and the system clock. */
    static void reset() {
        settings = randomKey(Clock.systemUTC());
    }

    private static Settings randomKey(Clock clock) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new Settings(new SecretKeySpec(key, "AES"), DEFAULT_LIFETIME, clock, false);
    }
}
