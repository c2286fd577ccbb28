package io.habeas.statement.domain;

/** How a statement was made. */
public enum StatementMedium {
    PRESS_RELEASE, CALL_READOUT, SPEECH, INTERVIEW, SOCIAL_MEDIA_POST, LETTER, COURT_FILING, RESOLUTION, REPORT, OTHER
}
