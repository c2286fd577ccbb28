package io.habeas.statement.service;

import io.habeas.statement.client.DetentionPersons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * The export's scan: every actor the caller may see, then every statement, each in recording order,
 * read page by page over the primary keys. Each chunk starts by letting go of what the one before
 * loaded and what detention-service said for it: memory holds one chunk whatever the export's size.
 * As every read, it runs outside a transaction, so no connection waits on detention-service.
 */
@ApplicationScoped
public class RecordExport {
    /** The part of the scan a cursor is in. */
    public enum Part { ACTORS, STATEMENTS }

    /** Where the scan goes on: the part, and the last id read in it (null: from its start). */
    public record Cursor(Part part, UUID after) {
        public static final Cursor START = new Cursor(Part.ACTORS, null);
    }

    /** A chunk's records and the cursor after them; next is null once the scan is over. */
    public record Chunk(List<ActorView> actors, List<StatementView> statements, Cursor next) {
        public boolean isEmpty() {
            return actors.isEmpty() && statements.isEmpty();
        }
    }

    @Inject
    ActorService actors;
    @Inject
    StatementService statements;
    @Inject
    DetentionPersons detention;
    @Inject
    EntityManager entityManager;

    /** At most size records from the cursor on: pages are read until one shows the caller any, or the scan ends. */
    public Chunk next(Cursor from, int size) {
        entityManager.clear();
        detention.forget();
        Cursor at = from;
        while (at != null) {
            if (at.part() == Part.ACTORS) {
                var page = actors.exportPage(at.after(), size);
                at = page.next() == null ? new Cursor(Part.STATEMENTS, null) : new Cursor(Part.ACTORS, page.next());
                if (!page.records().isEmpty()) {
                    return new Chunk(page.records(), List.of(), at);
                }
            } else {
                var page = statements.exportPage(at.after(), size);
                at = page.next() == null ? null : new Cursor(Part.STATEMENTS, page.next());
                if (!page.records().isEmpty()) {
                    return new Chunk(List.of(), page.records(), at);
                }
            }
        }
        return new Chunk(List.of(), List.of(), null);
    }
}
