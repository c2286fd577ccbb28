package io.habeas.suite.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.CustodyStatus;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportRecord;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    private static final String HEADER = "person_external_id,display_name,aliases,citizenships,access_level,detaining_country,"
            + "arrest_date,authority,place,status,release_date,legal_code,charges,source_url\n";
    private static final String SOURCE = "https://spring96.org/en/news/1";

    private static List<FileRecord> read(String csv) throws Exception {
        return CsvRecords.read(new StringReader(csv));
    }

    private static String reason(String row) throws Exception {
        List<FileRecord> read = read(HEADER + row + "\n");
        return assertInstanceOf(FileRecord.Unreadable.class, read.get(0), read.toString()).reason();
    }

    @Test
    void rowsOfOnePersonAreOneRecordWithADetentionEachOldestFirst() throws Exception {
        List<FileRecord> read = read(HEADER
                + "viasna:101,Ales Bialiatski,Алесь Бяляцкі;Ales Byalyatski,BY,PUBLIC,BY,2021-07-14,KGB,Minsk,"
                + "pre_trial_detention,,Criminal Code of the Republic of Belarus,ч. 4 ст. 228;ч. 2 ст. 342," + SOURCE + "\n"
                + "viasna:202,\"Doe, Jane\",,BY,,BY,2020,,,,2020-09,,," + SOURCE + "\n"
                + "viasna:101,,,,,BY,2011-08,,\"Minsk, \"\"Volodarka\"\"\",,2014-06-21,,," + SOURCE + "\n");

        assertEquals(2, read.size());
        var first = assertInstanceOf(FileRecord.Person.class, read.get(0));
        assertEquals(List.of(2, 4), first.lines());
        ImportRecord record = first.record();
        assertEquals("Ales Bialiatski", record.getPerson().getDisplayName());
        assertEquals(List.of("Алесь Бяляцкі", "Ales Byalyatski"),
                record.getPerson().getAliasesList().stream().map(a -> a.getName()).toList());
        assertEquals("viasna", record.getPerson().getExternalIds(0).getScheme());
        assertEquals("101", record.getPerson().getExternalIds(0).getValue());
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, record.getPerson().getAccessLevel());
        ImportDetention detention = record.getDetentions(1);
        assertEquals("BY:2021-07-14", detention.getImportKey());
        assertEquals(PartialDate.newBuilder().setYear(2021).setMonth(7).setDay(14).build(),
                detention.getDetention().getStartDate());
        assertEquals(CustodyStatus.CUSTODY_STATUS_PRE_TRIAL_DETENTION, detention.getDetention().getInitialStatus());
        assertEquals(List.of("ч. 4 ст. 228", "ч. 2 ст. 342"),
                detention.getChargesList().stream().map(c -> c.getCharge().getArticleReference()).toList());
        assertEquals("charge:ч. 4 ст. 228", detention.getCharges(0).getImportKey());
        assertEquals("BY", detention.getCharges(0).getCharge().getJurisdiction());
        assertEquals(detention.getDetention().getStartDate(), detention.getCharges(0).getCharge().getFiledOn());
        assertEquals("spring96.org", detention.getDetention().getSources(0).getPublisher());
        assertEquals(SOURCE, detention.getDetention().getSources(0).getTitle());
        ImportDetention earlier = record.getDetentions(0);
        assertEquals("Minsk, \"Volodarka\"", earlier.getDetention().getPlace());
        assertEquals(CustodyStatus.CUSTODY_STATUS_POLICE_CUSTODY, earlier.getDetention().getInitialStatus());
        assertEquals(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, earlier.getCustodyEvents(0).getCustodyEvent().getType());
        assertEquals(PartialDate.newBuilder().setYear(2014).setMonth(6).setDay(21).build(),
                earlier.getCustodyEvents(0).getCustodyEvent().getOccurredOn());
        var second = assertInstanceOf(FileRecord.Person.class, read.get(1)).record();
        assertEquals("Doe, Jane", second.getPerson().getDisplayName());
        assertEquals(PartialDate.newBuilder().setYear(2020).build(), second.getDetentions(0).getDetention().getStartDate());
        assertEquals(PartialDate.newBuilder().setYear(2020).setMonth(9).build(),
                second.getDetentions(0).getCustodyEvents(0).getCustodyEvent().getOccurredOn());
    }

    @Test
    void aQuotedLineBreakKeepsTheNextRowsLineNumber() throws Exception {
        List<FileRecord> read = read(HEADER + "viasna:1,One,,,,BY,2020,,\"two\nlines\",,,,," + SOURCE + "\r\n"
                + "viasna:2,Two,,,,BY,20x0,,,,,,," + SOURCE + "\r\n");

        assertEquals(2, read.get(0).line());
        assertEquals(4, read.get(1).line());
        assertInstanceOf(FileRecord.Unreadable.class, read.get(1));
    }

    @Test
    void eachKindOfBadRowIsNamedAndSendsNothing() throws Exception {
        assertTrue(reason("viasna:1,One,,,,BY,2024-8,,,,,,," + SOURCE).startsWith("arrest_date must be YYYY"));
        assertTrue(reason("viasna:1,One,,,,BY,2024,,,,yesterday,,," + SOURCE).startsWith("release_date must be"));
        assertEquals("display_name is required", reason("viasna:1,,,,,BY,2024,,,,,,," + SOURCE));
        assertEquals("source_url is required", reason("viasna:1,One,,,,BY,2024,,,,,,,"));
        assertTrue(reason("viasna:1,One,,,,BY,2024,,,,,,,not a url").startsWith("source_url is not"));
        assertTrue(reason("1234,One,,,,BY,2024,,,,,,," + SOURCE).startsWith("person_external_id must be scheme:value"));
        assertTrue(reason("viasna:1,One,,,,BY,2024,,,jailed,,,," + SOURCE).startsWith("status \"jailed\" is none of"));
        assertTrue(reason("viasna:1,One,,,SECRET,BY,2024,,,,,,," + SOURCE).startsWith("access_level \"SECRET\""));
        assertEquals("legal_code is required with charges", reason("viasna:1,One,,,,BY,2024,,,,,,342," + SOURCE));
        assertTrue(reason("viasna:1,One,,,,BY,2024,,,,,,," + SOURCE + ",extra").contains("but the header names 14"));
        assertTrue(reason("viasna:1,\"One\"x,,,,BY,2024,,,,,,," + SOURCE).startsWith("text after a closing quote"));
        assertTrue(reason("viasna:1,\"One,,,,BY,2024,,,,,,," + SOURCE).startsWith("a quoted field is not closed"));
    }

    @Test
    void aLaterRowThatContradictsItsPersonIsNotSentButTheOthersAre() throws Exception {
        List<FileRecord> read = read(HEADER + "viasna:1,One,,,,BY,2020,,,,,,," + SOURCE + "\n"
                + "viasna:1,Other Name,,,,BY,2021,,,,,,," + SOURCE + "\n");

        assertEquals(List.of(2), assertInstanceOf(FileRecord.Person.class, read.get(0)).lines());
        assertEquals("display_name differs from line 2, this person's first row",
                assertInstanceOf(FileRecord.Unreadable.class, read.get(1)).reason());
    }

    @Test
    void aHeaderWithAnUnknownMissingOrRepeatedColumnStopsTheFile() {
        assertTrue(assertThrows(CsvRecords.BadHeader.class, () -> read("person_external_id,name\n")).getMessage()
                .contains("unknown column \"name\""));
        assertTrue(assertThrows(CsvRecords.BadHeader.class, () -> read("person_external_id,display_name\n")).getMessage()
                .contains("required column(s) missing: [arrest_date, detaining_country, source_url]"));
        assertTrue(assertThrows(CsvRecords.BadHeader.class, () -> read(HEADER.strip() + ",charges\n")).getMessage()
                .contains("named twice"));
        assertThrows(CsvRecords.BadHeader.class, () -> read(""));
    }
}
