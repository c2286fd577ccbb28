package io.habeas.gateway.live;

import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.paging.OpaqueToken;
import io.habeas.kernel.paging.QueryFingerprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live event's id: every watch's backend resume point, by source id, sealed as the kernel's opaque token
 * (as a cursor is) and bound to the stream's timeline, subject, filters and caller. So Last-Event-ID resumes
 * each watch exactly where it stood, and a client can neither read nor change one nor use another's.
 */
public final class ResumePoints {

    /** The request header a resume point comes back in, named by every error about one. */
    public static final String HEADER = "Last-Event-ID";

    private ResumePoints() {
    }

    public static String seal(QueryFingerprint stream, Map<String, String> positions) {
        List<String> fields = new ArrayList<>();
        positions.forEach((source, token) -> {
            fields.add(source);
            fields.add(token);
        });
        return OpaqueToken.encode(stream, fields);
    }

    /** The positions of an id this stream issued; none for no id; INVALID_ARGUMENT naming {@link #HEADER} otherwise. */
    public static Map<String, String> open(String id, QueryFingerprint stream) {
        Map<String, String> positions = new LinkedHashMap<>();
        if (id == null || id.isBlank()) {
            return positions;
        }
        List<String> fields = OpaqueToken.decode(id.trim(), stream, HEADER);
        if (fields.size() % 2 != 0) {
            throw InvalidArgumentException.of(HEADER, "is not an event id of this stream");
        }
        for (int i = 0; i < fields.size(); i += 2) {
            positions.put(fields.get(i), fields.get(i + 1));
        }
        return positions;
    }
}
