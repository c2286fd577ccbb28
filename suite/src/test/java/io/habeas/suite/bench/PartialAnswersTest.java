package io.habeas.suite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PartialAnswersTest {

    @Test
    void aPartMissingBecauseABackendFailedIsNamed() {
        assertEquals("statement-service: circuit_open", PartialAnswers.failedPart(
                "{\"country\":\"RU\",\"partial\":true,\"missing\":[{\"service\":\"statement-service\",\"reason\":\"circuit_open\"}]}"));
        assertEquals("detention-service: timeout", PartialAnswers.failedPart("{\"events\":[],\"missing\":[{\"service\":"
                + "\"statement-service\",\"reason\":\"too_many_detainees\"},{\"service\":\"detention-service\",\"reason\":\"timeout\"}]}"));
    }

    @Test
    void aWholeAnswerOrOneCutAtItsDesignedLimitIsNotPartial() {
        assertNull(PartialAnswers.failedPart("{\"events\":[{\"reason\":\"unavailable\"}],\"partial\":false,\"missing\":[]}"));
        assertNull(PartialAnswers.failedPart("{\"events\":[],\"missing\":[{\"service\":\"statement-service\",\"reason\":\"too_many_detainees\"}]}"));
        assertNull(PartialAnswers.failedPart("{\"name\":\"persons/1\"}"));
    }
}
