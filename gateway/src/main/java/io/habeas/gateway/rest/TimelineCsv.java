package io.habeas.gateway.rest;

import io.habeas.gateway.api.PersonRef;
import io.habeas.gateway.api.SourceView;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.api.TimelinePage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * A whole timeline as RFC 4180 CSV, streamed page by page up to a cap of events, so that no more
 * than one page is held at a time. Headers come before the body, yet whether the download is partial
 * (X-Habeas-Partial: the missing services) or cut at the cap (X-Habeas-Truncated) is known only at
 * the end: so a first walk counts (keeping no event) and a second one streams the rows. A backend
 * that goes missing during the second walk, or more events than the first walk counted, would make
 * the headers untrue: the download then fails (the connection is closed) rather than ending quietly.
 */
public final class TimelineCsv {

    static final String HEADER = "date,precision,date_label,kind,type,title,detail,persons,countries,sources,origin,id";

    private TimelineCsv() {
    }

    /** What the counting walk found: events to send (at most the cap), whether there were more, the missing services. */
    record Survey(int events, boolean truncated, Set<String> missing) {
    }

    public static RestMulti<String> download(Function<String, Uni<TimelinePage>> pages, int maxEvents, String filename) {
        return RestMulti.fromUniResponse(count(pages, null, 0, new LinkedHashSet<>(), maxEvents),
                survey -> Multi.createBy().concatenating().streams(Multi.createFrom().item(HEADER + "\r\n"),
                        rows(pages, null, survey.events(), survey)),
                survey -> headers(survey, filename));
    }

    private static Map<String, List<String>> headers(Survey survey, String filename) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("text/csv; charset=UTF-8"));
        headers.put("Content-Disposition", List.of("attachment; filename=\"" + filename + "\""));
        if (!survey.missing().isEmpty()) {
            headers.put("X-Habeas-Partial", List.of(String.join(",", survey.missing())));
        }
        if (survey.truncated()) {
            headers.put("X-Habeas-Truncated", List.of("true"));
        }
        return headers;
    }

    private static Uni<Survey> count(Function<String, Uni<TimelinePage>> pages, String cursor, int counted,
            Set<String> missing, int maxEvents) {
        return pages.apply(cursor).chain(page -> {
            page.missing().forEach(m -> missing.add(m.service()));
            int total = counted + page.events().size();
            if (total > maxEvents) {
                return Uni.createFrom().item(new Survey(maxEvents, true, missing));
            }
            if (page.nextCursor() == null) {
                return Uni.createFrom().item(new Survey(total, false, missing));
            }
            if (total == maxEvents) {
                return Uni.createFrom().item(new Survey(maxEvents, true, missing));
            }
            return count(pages, page.nextCursor(), total, missing, maxEvents);
        });
    }

    private static Multi<String> rows(Function<String, Uni<TimelinePage>> pages, String cursor, int left, Survey survey) {
        if (left <= 0) {
            return Multi.createFrom().empty();
        }
        return pages.apply(cursor).onItem().transformToMulti(page -> {
            if (page.missing().stream().anyMatch(m -> !survey.missing().contains(m.service()))) {
                return Multi.createFrom().failure(new IllegalStateException("a backend went missing during a CSV download"));
            }
            if (page.events().size() > left && !survey.truncated()) {
                return Multi.createFrom().failure(new IllegalStateException("the timeline grew during a CSV download"));
            }
            List<TimelineEvent> events = page.events().subList(0, Math.min(left, page.events().size()));
            StringBuilder chunk = new StringBuilder();
            events.forEach(e -> chunk.append(row(e)).append("\r\n"));
            Multi<String> here = Multi.createFrom().item(chunk.toString());
            int rest = left - events.size();
            return rest == 0 || page.nextCursor() == null ? here : Multi.createBy().concatenating()
                    .streams(here, Multi.createFrom().deferred(() -> rows(pages, page.nextCursor(), rest, survey)));
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
