package io.habeas.kernel.names;

import java.util.Optional;
import java.util.UUID;

/** Resource ids: UUIDs in their canonical text, any case (UUID.fromString alone also takes "1-2-3-4-5"). */
public final class Ids {
    private Ids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null || !text.matches(NameFormat.UUID_REGEX)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
