package io.habeas.gateway.rest;

import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.api.PersonRef;
import io.habeas.gateway.api.SourceView;
import io.habeas.gateway.api.TimelineEvent;
import io.habeas.gateway.api.TimelinePage;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestMulti;

/** A whole timeline as CSV ({@link CsvDownload}): one row per event, across every page. */
public final class TimelineCsv {

    static final String HEADER = "date,precision,date_label,kind,type,title,detail,persons,countries,sources,origin,id";

    private TimelineCsv() {
    }

    public static RestMulti<String> download(Function<String, Uni<TimelinePage>> pages, int maxEvents, String filename) {
        return CsvDownload.download(HEADER, cursor -> pages.apply(cursor).map(page -> new CsvDownload.Page<>(page.events(),
                page.missing().stream().map(MissingSource::service).collect(Collectors.toCollection(LinkedHashSet::new)),
                page.nextCursor())), TimelineCsv::row, maxEvents, filename);
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

    static String cell(String value) {
        return CsvDownload.cell(value);
    }
}
