package io.habeas.suite.bench;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.common.v1.PartialDate;
import io.habeas.common.v1.Source;
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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmark's synthetic persons, one import record each, the same for the same seed and index whatever
 * order they are made in. Shaped like real collections: detaining countries drawn by Zipf (the first few
 * hold most cases), custody events per person heavy-tailed (a Pareto draw: most have a handful, about one in
 * 200 has over a hundred), dates known to the day, the month or only the year, every access level, an
 * external id per person and an import key per record under it. Plainly fake names and one synthetic source.
 */
public final class Population {
    /** Detaining countries, most cases first. */
    static final List<String> COUNTRIES = List.of("RU", "BY", "CN", "IR", "AZ", "TR", "EG", "VE", "NI", "MM", "SA", "VN",
            "CU", "TM", "TJ", "UZ", "KZ", "ER", "ET", "BH", "AE", "SY", "KP", "LA", "KH", "RW", "UG", "ZW", "DZ", "TN",
            "MA", "PK", "BD", "IN", "TH", "PH", "GE", "AM", "KG", "SD");
    private static final double COUNTRY_EXPONENT = 1.3;
    /** Pareto shape and scale of the custody events per person: mean about 7, capped. */
    private static final double EVENT_SHAPE = 1.6;
    private static final double EVENT_SCALE = 2.6;
    static final int MAX_EVENTS = 400;
    private static final LocalDate LATEST = LocalDate.of(2026, 6, 30);
    private static final String[] GIVEN = {"Anar", "Maryia", "Li", "Narges", "Osman", "Alaa", "Juan", "Aung", "Salma",
            "Ilya", "Tofiq", "Nasrin", "Ihar", "Zhanna", "Farid", "Lusine", "Gulnara", "Sergei", "Mahienour", "Htin"};
    private static final String[] SYLLABLES = {"ka", "mi", "ro", "sa", "ve", "lu", "do", "ni", "ta", "be", "zor", "ash",
            "ul", "en", "ov", "ich", "ya", "ba", "gh", "ri"};
    private static final int FAMILY_NAMES = 4000;

    private final long seed;
    private final Zipf countries = new Zipf(COUNTRIES.size(), COUNTRY_EXPONENT);
    private final Zipf families = new Zipf(FAMILY_NAMES, 1.0);

    public Population(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The external id scheme every benchmark person carries; its value is "{seed}-{index}". */
    public static final String SCHEME = "habeas-bench";

    public ImportRecord record(int index) {
        SplittableRandom random = randomFor(index);
        String country = COUNTRIES.get(countries.sample(random));
        AccessLevel level = level(random, 0.80, 0.15);
        Person person = Person.newBuilder().setDisplayName(GIVEN[random.nextInt(GIVEN.length)] + " "
                        + familyName(families.sample(random)) + " " + index)
                .addCitizenships(country).setAccessLevel(level).addSources(source())
                .addExternalIds(ExternalId.newBuilder().setScheme(SCHEME).setValue(seed + "-" + index))
                .build();
        int events = events(random);
        int charges = 1 + (int) Math.min(29, Math.floor(Math.log(1 - random.nextDouble()) / Math.log(0.7)));
        boolean twoDetentions = events >= 4 && random.nextDouble() < 0.10;
        LocalDate firstStart = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(20 * 365));
        ImportRecord.Builder record = ImportRecord.newBuilder().setPerson(person);
        if (twoDetentions) {
            int firstEvents = events / 2;
            LocalDate released = between(random, firstStart, LATEST, 0.3);
            record.addDetentions(detention(random, country, "d1", firstStart, released, firstEvents, (charges + 1) / 2, true));
            LocalDate secondStart = between(random, released, LATEST, 0.3);
            record.addDetentions(detention(random, country, "d2", secondStart, LATEST, events - firstEvents, charges / 2, false)
                    .toBuilder().setAllowConcurrent(true).build());
        } else {
            boolean released = random.nextDouble() < 0.3;
            LocalDate end = released ? between(random, firstStart, LATEST, 0.5) : LATEST;
            record.addDetentions(detention(random, country, "d1", firstStart, end, events, charges, released));
        }
        return record.build();
    }

    /** The detaining country of the person at {@code index}, without building its record. */
    public String country(int index) {
        return COUNTRIES.get(countries.sample(randomFor(index)));
    }

    /** A family name of the population's middle frequency: a search for it matches some persons but not most. */
    public String searchTerm() {
        return familyName(40);
    }

    static String familyName(int rank) {
        StringBuilder name = new StringBuilder();
        int rest = rank;
        do {
            name.append(SYLLABLES[rest % SYLLABLES.length]);
            rest /= SYLLABLES.length;
        } while (rest > 0);
        name.append(SYLLABLES[(rank * 7 + 3) % SYLLABLES.length]);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Rows this record makes in the detention database's tables the import fills (persons, detentions, events, charges). */
    public static int rows(ImportRecord record) {
        int rows = 1;
        for (ImportDetention d : record.getDetentionsList()) {
            rows += 1 + d.getCustodyEventsCount() + d.getChargesCount();
        }
        return rows;
    }

    private static int events(SplittableRandom random) {
        double pareto = EVENT_SCALE / Math.pow(1 - random.nextDouble(), 1 / EVENT_SHAPE);
        return (int) Math.min(MAX_EVENTS, Math.max(1, Math.round(pareto)));
    }

    private ImportDetention detention(SplittableRandom random, String country, String key, LocalDate start, LocalDate end,
            int events, int charges, boolean released) {
        PartialDate startDate = partial(random, start);
        Detention detention = Detention.newBuilder().setDetainingCountry(country).setPlace("Synthetic place " + key)
                .setStartDate(startDate).setInitialStatus(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY)
                .setAccessLevel(childLevel(random)).addSources(source()).build();
        ImportDetention.Builder d = ImportDetention.newBuilder().setImportKey(key).setDetention(detention);
        // Events spread evenly after the start, dated a day later at least: a coarse date may not sort before the start.
        long span = Math.max(events + 1, ChronoUnit.DAYS.between(start, end));
        for (int e = 0; e < events; e++) {
            boolean last = e == events - 1;
            CustodyEventType type = released && last ? CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE
                    : e == 0 ? CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION
                    : e % 3 == 2 ? CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER : CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED;
            LocalDate on = start.plusDays(span * (e + 1) / (events + 1));
            d.addCustodyEvents(ImportCustodyEvent.newBuilder().setImportKey("e" + e).setCustodyEvent(CustodyEvent.newBuilder()
                    .setType(type).setOccurredOn(notBefore(startDate, on, last || e == 0 || on.getYear() == end.getYear()
                            ? day(on) : partial(random, on)))
                    .setAccessLevel(childLevel(random)).addSources(source())));
        }
        for (int c = 0; c < charges; c++) {
            d.addCharges(ImportCharge.newBuilder().setImportKey("c" + c).setCharge(Charge.newBuilder().setJurisdiction(country)
                    .setLegalCode("Synthetic criminal code").setArticleReference(Integer.toString(100 + random.nextInt(300)))
                    .setFiledOn(notBefore(startDate, start, day(start.plusDays(1 + random.nextInt(30))))).setAccessLevel(childLevel(random))
                    .addSources(source())));
        }
        return d.build();
    }

    /**
     * A date inside the period a coarse start date names is given as that start date: to the day it could sort
     * before the start (a start known to the year sorts at its last day).
     */
    static PartialDate notBefore(PartialDate start, LocalDate on, PartialDate proposed) {
        boolean insideStart = start.getDay() == 0 && on.getYear() == start.getYear()
                && (start.getMonth() == 0 || on.getMonthValue() == start.getMonth());
        return insideStart ? start : proposed;
    }

    private static LocalDate between(SplittableRandom random, LocalDate from, LocalDate to, double share) {
        long days = ChronoUnit.DAYS.between(from, to);
        return from.plusDays(2 + (long) (random.nextDouble() * share * Math.max(1, days - 2)));
    }

    /** To the day six times in ten, to the month three, only the year once. */
    private static PartialDate partial(SplittableRandom random, LocalDate date) {
        double r = random.nextDouble();
        return r < 0.6 ? day(date) : r < 0.9 ? PartialDate.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).build()
                : PartialDate.newBuilder().setYear(date.getYear()).build();
    }

    private static PartialDate day(LocalDate date) {
        return PartialDate.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth()).build();
    }

    static AccessLevel level(SplittableRandom random, double publicShare, double restrictedShare) {
        double r = random.nextDouble();
        return r < publicShare ? AccessLevel.ACCESS_LEVEL_PUBLIC
                : r < publicShare + restrictedShare ? AccessLevel.ACCESS_LEVEL_RESTRICTED : AccessLevel.ACCESS_LEVEL_CONFIDENTIAL;
    }

    /** Most records under a person take its level; some are more restricted than the rest. */
    private static AccessLevel childLevel(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.85 ? AccessLevel.ACCESS_LEVEL_UNSPECIFIED : r < 0.95 ? AccessLevel.ACCESS_LEVEL_RESTRICTED
                : AccessLevel.ACCESS_LEVEL_CONFIDENTIAL;
    }

    static Source source() {
        return Source.newBuilder().setPublisher("Habeas scale benchmark").setTitle("Synthetic record, not a real case")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC).build();
    }

    SplittableRandom randomFor(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }
}
