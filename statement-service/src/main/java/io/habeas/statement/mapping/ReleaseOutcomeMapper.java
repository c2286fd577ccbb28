package io.habeas.statement.mapping;

import static io.habeas.kernel.proto.CommonProtos.date;

import io.habeas.kernel.names.DetentionName;
import io.habeas.kernel.names.PersonName;
import io.habeas.statement.service.OutcomeScope;
import io.habeas.statement.service.ReleaseOutcome;
import io.habeas.statement.v1.GetPersonReleaseOutcomeResponse;
import io.habeas.statement.v1.ReleaseOutcomeScope;
import io.habeas.statement.v1.ReleaseOutcomeStatistics;
import io.habeas.statement.v1.ReleaseOutcomeStatus;

/** Proto <-> domain for release outcomes. */
public final class ReleaseOutcomeMapper {
    private ReleaseOutcomeMapper() {
    }

    /** The request's scope, checked (a request without one has none). */
    public static OutcomeScope scope(boolean present, ReleaseOutcomeScope scope) {
        return OutcomeScope.of(present, scope.getDetainingCountry(), scope.getCaller(), scope.getCallerCountry());
    }

    public static GetPersonReleaseOutcomeResponse toResponse(ReleaseOutcome.OfPerson outcomes) {
        return GetPersonReleaseOutcomeResponse.newBuilder()
                .addAllOutcomes(outcomes.outcomes().stream().map(ReleaseOutcomeMapper::toProto).toList())
                .setCallsOutsideDetention(outcomes.callsOutsideDetention()).build();
    }

    public static io.habeas.statement.v1.ReleaseOutcome toProto(ReleaseOutcome outcome) {
        var proto = io.habeas.statement.v1.ReleaseOutcome.newBuilder()
                .setPerson(PersonName.of(outcome.person()).toString())
                .setDetention(DetentionName.of(outcome.detention().id()).toString())
                .setDetainingCountry(outcome.detention().detainingCountry())
                .setCallCount(outcome.callCount())
                .setFirstCallDate(date(outcome.firstCall()))
                .setLatestCallDate(date(outcome.latestCall()))
                .addAllCallerCountries(outcome.callerCountries())
                .setStatus(status(outcome))
                .setDaysToRelease(outcome.daysToRelease())
                .setDaysOutstanding(outcome.daysOutstanding());
        outcome.callers().forEach(caller -> proto.addCallers(StatementMapper.toProto(caller)));
        if (outcome.detention().end() != null) {
            proto.setEndDate(date(outcome.detention().end()));
        }
        return proto.build();
    }

    public static ReleaseOutcomeStatistics toProto(ReleaseOutcome.Statistics s) {
        var proto = ReleaseOutcomeStatistics.newBuilder().setPersonsWithCalls(s.personsWithCalls())
                .setCallCount(s.callCount()).setReleasedAfterCalls(s.releasedAfterCalls()).setStillHeld(s.stillHeld())
                .setOtherEnd(s.otherEnd()).setMedianDaysToRelease(s.medianDaysToRelease())
                .setLongestDaysToRelease(s.longestDaysToRelease()).setLongestDaysOutstanding(s.longestDaysOutstanding());
        if (s.longestOutstandingPerson() != null) {
            proto.setLongestOutstandingPerson(PersonName.of(s.longestOutstandingPerson()).toString());
        }
        return proto.build();
    }

    private static ReleaseOutcomeStatus status(ReleaseOutcome outcome) {
        return switch (outcome.standing()) {
            case HELD -> ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_STILL_HELD;
            case RELEASED -> ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_RELEASED;
            case DIED_IN_CUSTODY -> ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_DIED_IN_CUSTODY;
            case ESCAPED -> ReleaseOutcomeStatus.RELEASE_OUTCOME_STATUS_ESCAPED;
        };
    }
}
