package io.habeas.suite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import org.junit.jupiter.api.Test;

class WritesTest {

    @Test
    void aWriteThatMetAnOutageOrADeadlineIsAMarkedFailure() {
        assertEquals(Verdict.MARKED, Writes.verdictOf(Status.Code.UNAVAILABLE, 1));
        assertEquals(Verdict.MARKED, Writes.verdictOf(Status.Code.DEADLINE_EXCEEDED, 1));
        assertEquals(Verdict.MARKED, Writes.verdictOf(Status.Code.UNAVAILABLE, 7));
    }

    @Test
    void abortedIsMarkedOnlyOnARetryWhichCanMeetItsOwnFirstAttempt() {
        assertEquals(Verdict.UNMARKED, Writes.verdictOf(Status.Code.ABORTED, 1));
        assertEquals(Verdict.MARKED, Writes.verdictOf(Status.Code.ABORTED, 2));
    }

    @Test
    void everyOtherCodeIsUnmarked() {
        for (Status.Code code : Status.Code.values()) {
            if (code != Status.Code.UNAVAILABLE && code != Status.Code.DEADLINE_EXCEEDED && code != Status.Code.ABORTED) {
                assertEquals(Verdict.UNMARKED, Writes.verdictOf(code, 2), code.name());
            }
        }
    }
}
