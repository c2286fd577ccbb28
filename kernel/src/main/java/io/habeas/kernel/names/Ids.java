package io.habeas.kernel.names;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Resource ids: UUIDs in their canonical text, any case (UUID.fromString alone also takes "1-2-3-4-5"). */
public final class Ids {
    /** Compiled once: every name a service returns is read through it, on every request. */
    private static final Pattern CANONICAL = Pattern.compile(NameFormat.UUID_REGEX);

    private Ids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
