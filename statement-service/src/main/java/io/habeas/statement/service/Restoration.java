package io.habeas.statement.service;

import io.habeas.kernel.errors.FailedPreconditionException;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.identifiers.ExternalIdTakenException;
import io.habeas.kernel.names.Ids;
import io.habeas.kernel.text.HumanText;
import io.habeas.support.validation.CrossFieldChecked;
import io.habeas.support.validation.CrossFieldRules;
import io.habeas.support.validation.HumanWritten;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Restoring a record as one of its revisions left it: which revision, from which version, and why (stored in NFC). */
@CrossFieldChecked
public record Restoration(String revisionId, @NotBlank @Size(max = 100) String etag,
        @NotBlank @Size(max = 2000) @HumanWritten(HumanText.Shape.PARAGRAPH) String reason) implements CrossFieldRules {
    public static final String NOT_RESTORABLE = "REVISION_NOT_RESTORABLE";

    public Restoration {
        reason = HumanText.normalized(reason);
    }

    @Override
    public Map<String, String> brokenRules() {
        return Ids.parse(revisionId).isPresent() ? Map.of()
                : Map.of("revisionId", "is required: a revision id from the record's List*Revisions answer");
    }

    /**
     * Runs an update's checks on what a revision kept. What they refuse there is the state now, not
     * the request: a record the revision names that is gone or hidden, a value today's rules refuse,
     * an external identifier another record holds now. So it is FAILED_PRECONDITION, naming it (the
     * holder when the caller may see it); a FAILED_PRECONDITION of the update itself stays as it is.
     */
    public static void checkedAsUpdate(Runnable update) {
        try {
            update.run();
        } catch (NotFoundException e) {
            throw new FailedPreconditionException(NOT_RESTORABLE, e.resourceName(), "the revision names "
                    + e.resourceName() + ", which does not exist now; it cannot be restored");
        } catch (InvalidArgumentException e) {
            throw new FailedPreconditionException(NOT_RESTORABLE, e.violations().get(0).field(),
                    "what the revision kept is not valid now (" + e.getMessage() + "); it cannot be restored");
        } catch (ExternalIdTakenException e) {
            throw e.asRestoreRefusal();
        }
    }
}
