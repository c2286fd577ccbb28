package io.habeas.kernel.identifiers;

import io.habeas.kernel.errors.ConflictException;
import io.habeas.kernel.errors.FailedPreconditionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ALREADY_EXISTS, reason EXTERNAL_ID_TAKEN: another record, retracted or not, holds an identifier
 * the write gives. The answer names that record (metadata "holder") only when the caller may see
 * it. That some record holds the pair shows either way: the uniqueness an importer relies on
 * cannot be kept without saying so.
 */
public class ExternalIdTakenException extends ConflictException {
    public static final String REASON = "EXTERNAL_ID_TAKEN";

    private final String holder;

    private ExternalIdTakenException(String description, Map<String, String> metadata, String holder) {
        super(Kind.ALREADY_EXISTS, REASON, description, metadata);
        this.holder = holder;
    }

    /**
     * The identifier at this field path is held by another record of this kind ("person"), named
     * when the caller may see it, null otherwise.
     */
    public static ExternalIdTakenException heldBy(String field, ExternalId id, String kind, String holder) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("field", field);
        metadata.put("scheme", id.scheme());
        metadata.put("value", id.value());
        if (holder != null) {
            metadata.put("holder", holder);
        }
        return new ExternalIdTakenException(field + ": " + id + " is held by " + (holder == null ? "another " + kind : holder)
                + "; one " + kind + " at most holds an identifier", metadata, holder);
    }

    /**
     * A concurrent write stored one of the identifiers under this field first; which one, the failed
     * transaction cannot read. A retry names it.
     */
    public static ExternalIdTakenException meanwhile(String field, String kind) {
        return new ExternalIdTakenException(field + ": an identifier given here was taken by another " + kind
                + " meanwhile; read it again and retry", Map.of("field", field), null);
    }

    /**
     * The same met by a restore: the client sent no identifier, the revision kept it, and the state
     * now refuses it. FAILED_PRECONDITION as for any revision a restore cannot bring back
     * (REVISION_NOT_RESTORABLE), its subject the holder when the caller may see it, the field otherwise.
     */
    public FailedPreconditionException asRestoreRefusal() {
        return new FailedPreconditionException("REVISION_NOT_RESTORABLE", holder != null ? holder : metadata().get("field"),
                "the revision's " + getMessage() + "; it cannot be restored");
    }

    /** The record holding it, when the caller may see it; null otherwise, or when not known. */
    public String holder() {
        return holder;
    }
}
