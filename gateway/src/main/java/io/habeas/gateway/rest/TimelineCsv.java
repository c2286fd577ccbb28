package io.habeas.gateway.rest;

import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.api.PersonRef;
import io.habeas.gateway.api.SourceView;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.api.TimelinePage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole timeline as RFC 4180 CSV, walked page by page up to a bound. Headers say when it is
 * partial (X-Habeas-Partial: the missing services) or cut at the bound (X-Habeas-Truncated).
 */
public final class TimelineCsv {

    static final String HEADER = "date,precision,date_label,kind,type,title,detail,persons,countries,sources,origin,id";

    private TimelineCsv() {
    }

    public static Uni<Response> download(Function<String, Uni<TimelinePage>> pages, int maxEvents, String filename) {
        List<TimelineEvent> events = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        return walk(pages, null, events, missing, maxEvents).map(truncated -> {
            StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
            for (TimelineEvent e : events) {
                csv.append(row(e)).append("\r\n");
            }
            Response.ResponseBuilder r = Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
            if (!missing.isEmpty()) {
                r.header("X-Habeas-Partial", String.join(",", missing));
            }
            if (truncated) {
                r.header("X-Habeas-Truncated", "true");
            }
            return r.build();
        });
    }

    private static Uni<Boolean> walk(Function<String, Uni<TimelinePage>> pages, String cursor, List<TimelineEvent> events,
            Set<String> missing, int maxEvents) {
        return pages.apply(cursor).chain(page -> {
            for (MissingSource m : page.missing()) {
                missing.add(m.service());
            }
            for (TimelineEvent e : page.events()) {
                if (events.size() >= maxEvents) {
                    return Uni.createFrom().item(true);
                }
                events.add(e);
            }
            if (page.nextCursor() == null) {
                return Uni.createFrom().item(false);
            }
            if (events.size() >= maxEvents) {
                return Uni.createFrom().item(true);
            }
            return walk(pages, page.nextCursor(), events, missing, maxEvents);
        });
    }

    static String row(TimelineEvent e) {
        return String.join(",",
                cell(e.date() == null ? null : e.date().value()),
                cell(e.date() == null ? null : e.date().precision()),
                cell(e.date() == null ? null : e.date().label()),
                cell(e.kind()), cell(e.type()), cell(e.title()), cell(e.detail()),
                cell(e.persons().stream().map(PersonRef::id).collect(Collectors.joining(" "))),
                cell(e.countries().stream().map(c -> c.code() + ":" + c.role()).collect(Collectors.joining(" "))),
                cell(e.sources().stream().map(TimelineCsv::source).collect(Collectors.joining(" | "))),
                cell(e.origin()), cell(e.id()));
    }

    private static String source(SourceView s) {
        return s.publisher() + ": " + s.title() + (s.url() == null ? "" : " <" + s.url() + ">");
    }

    /**
     * Quoted when it holds a comma, quote or line break. A cell a spreadsheet would read as a formula
     * (after any leading spaces: =, +, -, @, a tab, a carriage return, or their full-width forms) is
     * defused with a leading apostrophe.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = startsAFormula(value) ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static boolean startsAFormula(String value) {
        int i = 0;
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\u3000')) {
            i++;
        }
        return i < value.length() && "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20".indexOf(value.charAt(i)) >= 0;
    }

}
