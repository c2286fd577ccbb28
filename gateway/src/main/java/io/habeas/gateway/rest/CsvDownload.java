package io.habeas.gateway.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * A whole list as RFC 4180 CSV, streamed page by page up to a cap of rows, so that no more than one
 * page is held at a time. Headers come before the body, yet whether the download is partial
 * (X-Habeas-Partial: the missing services) or cut at the cap (X-Habeas-Truncated) is known only at
 * the end: so a first walk counts (keeping no row) and a second one streams the rows. A backend
 * that goes missing during the second walk, or more rows than the first walk counted, would make
 * the headers untrue: the download then fails (the connection is closed) rather than ending quietly.
 */
public final class CsvDownload {

    private CsvDownload() {
    }

    /** One page of the list: its items, the services missing from it, the cursor of the next page (null at the end). */
    public record Page<T>(List<T> items, Set<String> missing, String nextCursor) {
    }

    /** What the counting walk found: rows to send (at most the cap), whether there were more, the missing services. */
    record Survey(int rows, boolean truncated, Set<String> missing) {
    }

    /** The list from its first page (cursor null), each item one row under the header. */
    public static <T> RestMulti<String> download(String header, Function<String, Uni<Page<T>>> pages, Function<T, String> row,
            int maxRows, String filename) {
        return RestMulti.fromUniResponse(count(pages, null, 0, new LinkedHashSet<>(), maxRows),
                survey -> Multi.createBy().concatenating().streams(Multi.createFrom().item(header + "\r\n"),
                        rows(pages, row, null, survey.rows(), survey)),
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

    private static <T> Uni<Survey> count(Function<String, Uni<Page<T>>> pages, String cursor, int counted,
            Set<String> missing, int maxRows) {
        return pages.apply(cursor).chain(page -> {
            missing.addAll(page.missing());
            int total = counted + page.items().size();
            if (total > maxRows) {
                return Uni.createFrom().item(new Survey(maxRows, true, missing));
            }
            if (page.nextCursor() == null) {
                return Uni.createFrom().item(new Survey(total, false, missing));
            }
            if (total == maxRows) {
                return Uni.createFrom().item(new Survey(maxRows, true, missing));
            }
            return count(pages, page.nextCursor(), total, missing, maxRows);
        });
    }

    private static <T> Multi<String> rows(Function<String, Uni<Page<T>>> pages, Function<T, String> row, String cursor,
            int left, Survey survey) {
        if (left <= 0) {
            return Multi.createFrom().empty();
        }
        return pages.apply(cursor).onItem().transformToMulti(page -> {
            if (!survey.missing().containsAll(page.missing())) {
                return Multi.createFrom().failure(new IllegalStateException("a backend went missing during a CSV download"));
            }
            if (page.items().size() > left && !survey.truncated()) {
                return Multi.createFrom().failure(new IllegalStateException("the list grew during a CSV download"));
            }
            List<T> items = page.items().subList(0, Math.min(left, page.items().size()));
            StringBuilder chunk = new StringBuilder();
            items.forEach(item -> chunk.append(row.apply(item)).append("\r\n"));
            Multi<String> here = Multi.createFrom().item(chunk.toString());
            int rest = left - items.size();
            return rest == 0 || page.nextCursor() == null ? here : Multi.createBy().concatenating()
                    .streams(here, Multi.createFrom().deferred(() -> rows(pages, row, page.nextCursor(), rest, survey)));
        });
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
