package io.habeas.detention.domain;

public enum FeedItemKind {
    DETENTION_STARTED, CUSTODY_EVENT, CHARGE_FILED, CHARGE_STATUS_CHANGED, INCIDENT, COURT_EVENT
}
