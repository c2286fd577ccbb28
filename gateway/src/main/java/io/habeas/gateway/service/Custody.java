package io.habeas.gateway.service;

import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.gateway.view.EnumValues;
import java.util.List;
import java.util.Set;

/** Derived custody facts over a person's detentions (as listed: newest start first). */
public final class Custody {

    /** Statuses in which a person is held: in custody, not merely under conditions. */
    public static final Set<CustodyStatus> HELD = Set.of(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY,
            CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, CustodyStatus.CUSTODY_STATUS_HOUSE_ARREST,
            CustodyStatus.CUSTODY_STATUS_SERVING_SENTENCE, CustodyStatus.CUSTODY_STATUS_WHEREABOUTS_UNKNOWN);

    public static final List<String> STATUS_VALUES = List.of("held", "police_custody", "pre_trial_detention",
            "house_arrest", "conditional_release", "serving_sentence", "whereabouts_unknown", "released", "deceased",
            "escaped");

    private Custody() {
    }

    /** The latest ongoing detention, else the latest one; null when there is none. */
    public static Detention current(List<Detention> newestFirst) {
        for (Detention d : newestFirst) {
            if (d.getOngoing()) {
                return d;
            }
        }
        return newestFirst.isEmpty() ? null : newestFirst.get(0);
    }

    public static String status(Detention d) {
        return d == null ? null : EnumValues.of(d.getCurrentStatus());
    }

    public static boolean held(List<Detention> detentions) {
        return detentions.stream().anyMatch(d -> d.getOngoing() && HELD.contains(d.getCurrentStatus()));
    }

    /** Whether a status filter value ("held" or a status) matches. */
    public static boolean matches(String filter, String status, boolean held) {
        return filter == null || (filter.equals("held") ? held : filter.equals(status));
    }
}
