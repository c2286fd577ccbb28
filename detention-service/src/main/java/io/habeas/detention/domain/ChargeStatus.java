package io.habeas.detention.domain;

public enum ChargeStatus {
    FILED, AMENDED, DROPPED, CONVICTED, ACQUITTED
}
