package io.habeas.support.records;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): ids sort in the order records were made,
 * which gives every list a stable tie-break without a sequence.
 */
public final class UuidV7 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long counter;

    private UuidV7() {
    }

    public static synchronized UUID next() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = RANDOM.nextInt(1 << 11);
        } else {
            counter++;
            if (counter >= (1 << 12)) {
                lastMillis++;
                counter = 0;
            }
        }
        long high = (lastMillis << 16) | (0x7L << 12) | counter;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
