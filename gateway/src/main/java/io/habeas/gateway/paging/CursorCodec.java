package io.habeas.gateway.paging;

import io.habeas.gateway.client.BackendException;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.paging.OpaqueToken;
import io.habeas.kernel.paging.QueryFingerprint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cursor as the kernel's opaque token, bound to its query's fingerprint. The fingerprint must
 * hold the backend page size too: a consumed count means nothing with pages of another size.
 * Each source takes five fields: id, page token, consumed, status and missing reason.
 */
public final class CursorCodec {

    /** The request parameter a cursor travels in, named by every error about one. */
    public static final String PARAM = "cursor";
    private static final int FIELDS_PER_SOURCE = 5;
    /** The reasons a source can be missing for; a cursor's reason is shown to its client, so no other text passes. */
    private static final Set<String> MISSING_REASONS = Arrays.stream(BackendException.Kind.values())
            .filter(k -> k != BackendException.Kind.REJECTED).map(k -> k.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    private CursorCodec() {
    }

    public static String encode(QueryFingerprint query, Cursor cursor) {
        List<String> fields = new ArrayList<>();
        cursor.positions().forEach((source, at) -> fields.addAll(List.of(source, at.pageToken(),
                Integer.toString(at.consumed()), at.status().name(), at.missingReason() == null ? "" : at.missingReason())));
        return OpaqueToken.encode(query, fields);
    }

    /** The start for no cursor; INVALID_ARGUMENT naming {@link #PARAM} for one this query did not issue. */
    public static Cursor decode(String text, QueryFingerprint query) {
        if (text == null || text.isBlank()) {
            return Cursor.START;
        }
        List<String> fields = OpaqueToken.decode(text, query, PARAM);
        if (fields.size() % FIELDS_PER_SOURCE != 0) {
            throw notIssued();
        }
        Map<String, SourcePosition> positions = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i += FIELDS_PER_SOURCE) {
            positions.put(fields.get(i), position(fields.subList(i + 1, i + FIELDS_PER_SOURCE)));
        }
        return new Cursor(positions);
    }

    private static SourcePosition position(List<String> fields) {
        int consumed;
        SourcePosition.Status status;
        try {
            consumed = Integer.parseInt(fields.get(1));
            status = SourcePosition.Status.valueOf(fields.get(2));
        } catch (IllegalArgumentException e) {
            throw notIssued();
        }
        if (consumed < 0) {
            throw notIssued();
        }
        String reason = fields.get(3);
        if (!reason.isEmpty() && !MISSING_REASONS.contains(reason)) {
            throw notIssued();
        }
        return new SourcePosition(fields.get(0), consumed, status, reason.isEmpty() ? null : reason);
    }

    private static InvalidArgumentException notIssued() {
        return InvalidArgumentException.of(PARAM, "is not a cursor this API issued");
    }
}
