package io.habeas.support.revisions;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.habeas.kernel.access.AccessLevel;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.names.Ids;
import io.habeas.kernel.paging.Keys;
import io.habeas.kernel.paging.Page;
import io.habeas.kernel.paging.PageRequest;
import io.habeas.kernel.paging.Pager;
import io.habeas.kernel.paging.QueryFingerprint;
import io.habeas.support.access.Caller;
import io.habeas.support.records.UuidV7;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The history of every record: each write calls {@link #record} once per record it changes,
 * inside its transaction, with the record's message as an admin reads it. Reads show a caller
 * the revisions whose level it clears; the service checks first that the record itself is
 * visible to the caller now.
 */
@ApplicationScoped
public class Revisions {
    @Inject
    Caller caller;
    @Inject
    WriteRequest write;

    /** What a write changed, for one record. */
    public record Change(String resourceType, UUID resourceId, RevisionAction action, AccessLevel effectiveLevel,
            String reason, UUID restoredFrom, Message snapshot) {
        public static Change of(String resourceType, UUID resourceId, RevisionAction action, AccessLevel effectiveLevel,
                Message snapshot) {
            return new Change(resourceType, resourceId, action, effectiveLevel, null, null, snapshot);
        }

        public Change because(String why) {
            return new Change(resourceType, resourceId, action, effectiveLevel, why, restoredFrom, snapshot);
        }

        public Change restoring(UUID revision) {
            return new Change(resourceType, resourceId, RevisionAction.RESTORED, effectiveLevel, reason, revision,
                    snapshot);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Revision record(Change change) {
        Revision revision = prepare(change);
        revision.persist();
        return revision;
    }

    /** The revision {@link #record} stores, not stored yet: for writes that store many rows together (an import). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Revision prepare(Change change) {
        Revision revision = new Revision();
        revision.id = UuidV7.next();
        revision.resourceType = change.resourceType();
        revision.resourceId = change.resourceId();
        revision.action = change.action();
        revision.accessLevel = change.effectiveLevel();
        revision.principal = caller.name();
        revision.requestId = write.requestId();
        revision.reason = change.reason();
        revision.restoredRevisionId = change.restoredFrom();
        revision.snapshot = change.snapshot().toByteArray();
        return revision;
    }

    /** A record's revisions the caller's clearance covers, newest first. */
    public Page<Revision> list(String resourceType, UUID resourceId, PageRequest page) {
        var levels = caller.clearance().readableLevels();
        return Pager.page(page, QueryFingerprint.of("revisions", resourceType, resourceId), Keys.ID, r -> r.id,
                (after, limit) -> Revision.<Revision>find(
                        "resourceType = ?1 and resourceId = ?2 and accessLevel in ?3"
                                + (after == null ? "" : " and id < ?4") + " order by id desc",
                        after == null ? new Object[] {resourceType, resourceId, levels}
                                : new Object[] {resourceType, resourceId, levels, after})
                        .page(0, limit).list());
    }

    /** One revision of a record, for a restore; NOT_FOUND when the record has no such revision. */
    public Revision find(String resourceType, UUID resourceId, String revisionId) {
        UUID id = Ids.parse(revisionId).orElseThrow(() -> InvalidArgumentException.of("revision_id",
                "is not a revision id: take one from the record's List*Revisions answer"));
        Revision revision = Revision.findById(id);
        if (revision == null || !revision.resourceId.equals(resourceId) || !revision.resourceType.equals(resourceType)
                || !caller.clearance().clears(revision.accessLevel)) {
            throw new NotFoundException("revision " + revisionId);
        }
        return revision;
    }

    public static <M extends Message> M snapshot(Revision revision, Parser<M> parser) {
        try {
            return parser.parseFrom(revision.snapshot);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("revision " + revision.id + " cannot be read", e);
        }
    }
}
