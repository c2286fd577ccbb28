package io.habeas.support.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.FieldMask;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.common.v1.SourceReliability;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldMasksTest {
    /** Sorted, so that the list of updatable fields reads the same in every message. */
    private static final Set<String> UPDATABLE = new TreeSet<>(Set.of("title", "url", "published_on", "reliability"));
    private static final String UPDATABLE_TEXT = "[published_on, reliability, title, url]";

    private static final Source CURRENT = Source.newBuilder()
            .setPublisher("JAMnews").setTitle("Journalist detained in Tbilisi").setUrl("https://jam-news.net/a")
            .setPublishedOn(PartialDate.newBuilder().setYear(2023).setMonth(7).setDay(23))
            .setReliability(SourceReliability.SOURCE_RELIABILITY_RELIABLE)
            .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).build();

    private static FieldMask mask(String... paths) {
        return FieldMask.newBuilder().addAllPaths(List.of(paths)).build();
    }

    private static Source merge(Source incoming, String... paths) {
        return FieldMasks.merge(CURRENT, incoming, mask(paths), UPDATABLE);
    }

    private static void assertRejected(Source incoming, FieldMask mask, FieldViolation... violations) {
        InvalidArgumentException failure = assertThrows(InvalidArgumentException.class,
                () -> FieldMasks.merge(CURRENT, incoming, mask, UPDATABLE));
        assertEquals(List.of(violations), failure.violations());
    }

    @Test
    void replacesTheNamedFieldAndKeepsTheOthers() {
        Source merged = merge(Source.newBuilder().setTitle("Corrected title").setPublisher("ignored").build(), "title");
        assertEquals(CURRENT.toBuilder().setTitle("Corrected title").build(), merged);
    }

    @Test
    void replacesEveryNamedField() {
        Source incoming = Source.newBuilder().setTitle("T").setUrl("https://example.org")
                .setReliability(SourceReliability.SOURCE_RELIABILITY_UNRELIABLE).build();
        assertEquals(CURRENT.toBuilder().setTitle("T").setUrl("https://example.org")
                .setReliability(SourceReliability.SOURCE_RELIABILITY_UNRELIABLE).build(),
                merge(incoming, "title", "url", "reliability"));
    }

    @Test
    void replacesAMessageFieldWholeRatherThanMergingIntoIt() {
        Source incoming = Source.newBuilder().setPublishedOn(PartialDate.newBuilder().setYear(2024)).build();
        Source merged = merge(incoming, "published_on");
        assertEquals(PartialDate.newBuilder().setYear(2024).build(), merged.getPublishedOn());
        assertEquals(0, merged.getPublishedOn().getDay(), "the day of the current date is not kept");
    }

    @Test
    void clearsAMessageFieldTheRequestLeavesUnset() {
        Source merged = merge(Source.newBuilder().setTitle("not named").build(), "published_on");
        assertFalse(merged.hasPublishedOn());
        assertEquals(CURRENT.toBuilder().clearPublishedOn().build(), merged);
    }

    @Test
    void clearsAScalarFieldTheRequestLeavesUnset() {
        assertEquals(CURRENT.toBuilder().clearUrl().build(), merge(Source.getDefaultInstance(), "url"));
        assertEquals(CURRENT.toBuilder().clearReliability().build(), merge(Source.getDefaultInstance(), "reliability"));
    }

    @Test
    void leavesTheCurrentMessageAsItWas() {
        Source before = CURRENT.toBuilder().build();
        merge(Source.getDefaultInstance(), "title", "url");
        assertEquals(before, CURRENT);
    }

    @Test
    void replacesARepeatedFieldRatherThanAppendingToIt() {
        DebugInfo current = DebugInfo.newBuilder().addStackEntries("a").addStackEntries("b").setDetail("kept").build();
        DebugInfo incoming = DebugInfo.newBuilder().addStackEntries("c").setDetail("ignored").build();
        assertEquals(DebugInfo.newBuilder().addStackEntries("c").setDetail("kept").build(),
                FieldMasks.merge(current, incoming, mask("stack_entries"), Set.of("stack_entries", "detail")));
    }

    @Test
    void clearsARepeatedFieldTheRequestLeavesEmpty() {
        DebugInfo current = DebugInfo.newBuilder().addStackEntries("a").setDetail("kept").build();
        assertEquals(DebugInfo.newBuilder().setDetail("kept").build(),
                FieldMasks.merge(current, DebugInfo.getDefaultInstance(), mask("stack_entries"), Set.of("stack_entries")));
    }

    @Test
    void replacesAMapFieldRatherThanMergingIt() {
        ErrorInfo current = ErrorInfo.newBuilder().setReason("R").putMetadata("a", "1").putMetadata("b", "2").build();
        ErrorInfo incoming = ErrorInfo.newBuilder().putMetadata("b", "3").putMetadata("c", "4").build();
        ErrorInfo merged = FieldMasks.merge(current, incoming, mask("metadata"), Set.of("metadata"));
        assertEquals(Map.of("b", "3", "c", "4"), merged.getMetadataMap());
        assertEquals("R", merged.getReason());
    }

    @Test
    void rejectsAnEmptyMaskListingWhatMayBeUpdated() {
        assertRejected(Source.getDefaultInstance(), FieldMask.getDefaultInstance(),
                new FieldViolation("update_mask", "name the fields to change, any of " + UPDATABLE_TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "titel",                 // unknown
            "Title",                 // another case
            "publishedOn",           // the JSON name, not the proto name
            "published_on.year",     // a nested path
            "publisher",             // a field that is not updatable
            "access_level",
            "",
            " title",
            "*",
    })
    void rejectsAPathThatCannotBeUpdatedNamingItsIndex(String path) {
        assertRejected(Source.getDefaultInstance(), mask(path),
                new FieldViolation("update_mask.paths[0]", "cannot update " + path + "; updatable: " + UPDATABLE_TEXT));
    }

    @Test
    void reportsEveryBadPathTogetherInOrder() {
        assertRejected(Source.getDefaultInstance(), mask("title", "bogus", "url", "publisher", "published_on.day"),
                new FieldViolation("update_mask.paths[1]", "cannot update bogus; updatable: " + UPDATABLE_TEXT),
                new FieldViolation("update_mask.paths[3]", "cannot update publisher; updatable: " + UPDATABLE_TEXT),
                new FieldViolation("update_mask.paths[4]", "cannot update published_on.day; updatable: " + UPDATABLE_TEXT));
    }
}
