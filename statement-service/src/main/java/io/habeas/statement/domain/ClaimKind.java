package io.habeas.statement.domain;

import java.util.List;

/** Positions a claim can take, with the CAMEO event code (GDELT) of each where one exists. */
public enum ClaimKind {
    CALL_FOR_RELEASE("0253"),
    DEMAND_FOR_RELEASE("1053"),
    WELCOME("051"),
    CONCERN(null),
    CONDEMNATION("111"),
    ALLEGATION("112"),
    DENIAL(null),
    COMMENDATION("051"),
    SUPPORT("05"),
    URGING("02"),
    OTHER(null);

    private final String cameoCode;

    ClaimKind(String cameoCode) {
        this.cameoCode = cameoCode;
    }

    /** The CAMEO code, or null when CAMEO has none for this position. */
    public String cameoCode() {
        return cameoCode;
    }

    /** Calls and demands for release both count as calls for a person's release. */
    public static final List<ClaimKind> RELEASE_CALLS = List.of(CALL_FOR_RELEASE, DEMAND_FOR_RELEASE);
}
