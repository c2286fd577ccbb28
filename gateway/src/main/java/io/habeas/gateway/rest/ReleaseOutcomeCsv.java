package io.habeas.gateway.rest;

import static io.habeas.gateway.rest.CsvDownload.cell;

import io.habeas.gateway.api.DateView;
import io.habeas.gateway.api.ReleaseOutcomePage;
import io.habeas.gateway.api.ReleaseOutcomeView;
import java.util.stream.Collectors;

/** Release outcomes as CSV rows: dates as their values ("2023-07"), callers as "name (calls)", days empty where they do not apply. */
final class ReleaseOutcomeCsv {

    static final String HEADER = "person,detention,detaining_country,status,call_count,first_call_date,latest_call_date,"
            + "callers,caller_countries,end_date,days_to_release,days_outstanding";

    private ReleaseOutcomeCsv() {
    }

    static String row(ReleaseOutcomeView o) {
        return String.join(",",
                cell(o.person()), cell(o.detention()), cell(o.detainingCountry()), cell(o.status()),
                Integer.toString(o.callCount()), cell(value(o.firstCall())), cell(value(o.latestCall())),
                cell(o.callers().stream().map(c -> (c.name() == null ? c.actor() : c.name()) + " (" + c.count() + ")")
                        .collect(Collectors.joining(" | "))),
                cell(String.join(" ", o.callerCountries())), cell(value(o.endDate())),
                o.daysToRelease() == null ? "" : o.daysToRelease().toString(),
                o.daysOutstanding() == null ? "" : o.daysOutstanding().toString());
    }

    /** What the file is named after: "AZ", "caller-US", "actor-{id}". */
    static String label(ReleaseOutcomePage.Scope scope) {
        if (scope.detainingCountry() != null) {
            return scope.detainingCountry();
        }
        return scope.callerActor() != null ? "actor-" + scope.callerActor() : "caller-" + scope.callerCountry();
    }

    private static String value(DateView date) {
        return date == null ? null : date.value();
    }
}
