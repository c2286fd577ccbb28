package io.habeas.suite.transfer;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
import io.habeas.detention.v1.Alias;
import io.habeas.detention.v1.Charge;
import io.habeas.detention.v1.CustodyEvent;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ImportCharge;
import io.habeas.detention.v1.ImportCustodyEvent;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.Person;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV format (suite/README.md, "Import and export"): a header row naming columns, then one
 * row per detention; rows with the same person_external_id are one person record, in the order
 * of its first row, its detentions oldest first.
 */
public final class CsvRecords {
    static final List<String> COLUMNS = List.of("person_external_id", "display_name", "aliases", "citizenships",
            "access_level", "detention_key", "detaining_country", "arrest_date", "authority", "place", "status",
            "release_date", "legal_code", "charges", "source_url", "source_title", "source_publisher");
    private static final Set<String> REQUIRED = Set.of("person_external_id", "display_name", "detaining_country",
            "arrest_date", "source_url");
    private static final List<String> PERSON_FIELDS = List.of("display_name", "aliases", "citizenships", "access_level");
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    /** A file whose header is unusable: nothing of it can be read. */
    public static final class BadHeader extends Exception {
        BadHeader(String message) {
            super(message);
        }
    }

    private CsvRecords() {
    }

    public static List<FileRecord> read(Reader in) throws IOException, BadHeader {
        List<CsvRows.Row> rows = CsvRows.read(new BufferedReader(in));
        if (rows.isEmpty() || rows.get(0).error() != null) {
            throw new BadHeader("line 1 must be the header row, naming columns among " + COLUMNS);
        }
        Map<String, Integer> columns = header(rows.get(0).fields());
        List<FileRecord> out = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.error() != null) {
                out.add(new FileRecord.Unreadable(row.line(), row.error()));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            columns.forEach((name, index) -> values.put(name, index < row.fields().size() ? row.fields().get(index).strip() : ""));
            try {
                if (row.fields().size() > columns.size()) {
                    throw new IllegalArgumentException(row.fields().size() + " fields, but the header names " + columns.size());
                }
                Group group = groups.get(values.get("person_external_id"));
                Person person = group == null ? person(values) : null;
                if (group != null) {
                    group.requireSamePerson(values);
                }
                ImportDetention detention = detention(values);
                if (group == null) {
                    group = new Group(row.line(), values, ImportRecord.newBuilder().setPerson(person));
                    groups.put(values.get("person_external_id"), group);
                }
                group.detentions.add(detention);
                group.lines.add(row.line());
            } catch (IllegalArgumentException e) {
                out.add(new FileRecord.Unreadable(row.line(), e.getMessage()));
            }
        }
        groups.values().forEach(g -> out.add(new FileRecord.Person(g.line, List.copyOf(g.lines), g.record())));
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    private static Map<String, Integer> header(List<String> names) throws BadHeader {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new BadHeader("line 1: unknown column \"" + names.get(i) + "\"; the columns are " + COLUMNS);
            }
            if (columns.put(name, i) != null) {
                throw new BadHeader("line 1: column " + name + " is named twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(r -> !columns.containsKey(r)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new BadHeader("line 1: required column(s) missing: " + missing);
        }
        return columns;
    }

    /** The rows of one person. */
    private static final class Group {
        final int line;
        final Map<String, String> first;
        final ImportRecord.Builder record;
        final List<Integer> lines = new ArrayList<>();
        final List<ImportDetention> detentions = new ArrayList<>();

        Group(int line, Map<String, String> first, ImportRecord.Builder record) {
            this.line = line;
            this.first = first;
            this.record = record;
        }

        /** The person with its detentions oldest first, as ImportRecord wants them (a stable sort: ties keep the file's order). */
        ImportRecord record() {
            detentions.sort(Comparator.comparingInt(d -> latestDay(d.getDetention().getStartDate())));
            return record.clearDetentions().addAllDetentions(detentions).build();
        }

        void requireSamePerson(Map<String, String> values) {
            for (String field : PERSON_FIELDS) {
                String value = values.getOrDefault(field, "");
                if (!value.isEmpty() && !value.equals(first.getOrDefault(field, ""))) {
                    throw new IllegalArgumentException(field + " differs from line " + line + ", this person's first row");
                }
            }
        }
    }

    private static Person person(Map<String, String> values) {
        String id = values.get("person_external_id");
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw new IllegalArgumentException("person_external_id must be scheme:value, such as viasna:1234");
        }
        var person = Person.newBuilder().setDisplayName(required(values, "display_name"))
                .addExternalIds(ExternalId.newBuilder().setScheme(id.substring(0, colon)).setValue(id.substring(colon + 1)))
                .addSources(source(values));
        list(values.get("aliases")).forEach(a -> person.addAliases(Alias.newBuilder().setName(a)));
        list(values.get("citizenships")).forEach(c -> person.addCitizenships(c.toUpperCase(Locale.ROOT)));
        String level = values.getOrDefault("access_level", "");
        if (!level.isEmpty()) {
            person.setAccessLevel(enumValue(AccessLevel.class, "ACCESS_LEVEL_", level, "access_level"));
        }
        return person.build();
    }

    private static ImportDetention detention(Map<String, String> values) {
        String country = required(values, "detaining_country").toUpperCase(Locale.ROOT);
        PartialDate arrested = date(values.get("arrest_date"), "arrest_date");
        Source source = source(values);
        var detention = Detention.newBuilder().setDetainingCountry(country).setStartDate(arrested).addSources(source)
                .setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY);
        optional(values, "authority").ifPresent(detention::setAuthority);
        optional(values, "place").ifPresent(detention::setPlace);
        optional(values, "status").ifPresent(s -> detention.setInitialStatus(
                enumValue(CustodyStatus.class, "CUSTODY_STATUS_", s, "status")));
        String key = optional(values, "detention_key").orElse(country + ":" + values.get("arrest_date"));
        var imported = ImportDetention.newBuilder().setImportKey(key).setDetention(detention);
        optional(values, "release_date").ifPresent(d -> imported.addCustodyEvents(ImportCustodyEvent.newBuilder()
                .setImportKey("release").setCustodyEvent(CustodyEvent.newBuilder()
                        .setType(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE).setOccurredOn(date(d, "release_date"))
                        .addSources(source))));
        List<String> articles = list(values.get("charges"));
        if (!articles.isEmpty()) {
            String code = optional(values, "legal_code").orElseThrow(
                    () -> new IllegalArgumentException("legal_code is required with charges"));
            for (String article : articles) {
                imported.addCharges(ImportCharge.newBuilder().setImportKey("charge:" + article).setCharge(Charge.newBuilder()
                        .setJurisdiction(country).setLegalCode(code).setArticleReference(article).setFiledOn(arrested)
                        .addSources(source)));
            }
        }
        return imported.build();
    }

    private static Source source(Map<String, String> values) {
        String url = required(values, "source_url");
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source_url is not a URL: " + url);
        }
        if (host == null) {
            throw new IllegalArgumentException("source_url is not an absolute URL: " + url);
        }
        return Source.newBuilder().setUrl(url).setTitle(optional(values, "source_title").orElse(url))
                .setPublisher(optional(values, "source_publisher").orElse(host)).build();
    }

    /** A partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
    static PartialDate date(String text, String column) {
        Matcher m = DATE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(column + " must be YYYY, YYYY-MM or YYYY-MM-DD, not \"" + text + "\"");
        }
        var date = PartialDate.newBuilder().setYear(Integer.parseInt(m.group(1)));
        if (m.group(2) != null) {
            date.setMonth(Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            date.setDay(Integer.parseInt(m.group(3)));
        }
        return date.build();
    }

    /** Where a partial date sorts: at the last day it can be. */
    private static int latestDay(PartialDate date) {
        return date.getYear() * 10_000 + (date.getMonth() == 0 ? 12 : date.getMonth()) * 100 + (date.getDay() == 0 ? 31 : date.getDay());
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String prefix, String text, String column) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        try {
            return Enum.valueOf(type, name.startsWith(prefix) ? name : prefix + name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(column + " \"" + text + "\" is none of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).filter(n -> !n.endsWith("_UNSPECIFIED") && !n.equals("UNRECOGNIZED"))
                    .map(n -> n.substring(prefix.length())).toList());
        }
    }

    private static String required(Map<String, String> values, String column) {
        return optional(values, column).orElseThrow(() -> new IllegalArgumentException(column + " is required"));
    }

    private static java.util.Optional<String> optional(Map<String, String> values, String column) {
        String value = values.getOrDefault(column, "");
        return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
