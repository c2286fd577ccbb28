package io.habeas.gateway.api;

import java.util.List;

/** One custody episode with its derived facts and charges. */
public record DetentionView(String id, String detainingCountry, String authority, String place, DateView start,
        DateView end, String currentStatus, boolean ongoing, int daysInCustody, List<ChargeView> charges) {
}
