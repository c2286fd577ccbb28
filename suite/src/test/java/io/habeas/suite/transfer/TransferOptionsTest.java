package io.habeas.suite.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TransferOptionsTest {
    private static TransferOptions parse(String... args) throws TransferOptions.Usage {
        return TransferOptions.parse(args, "env-token");
    }

    private static String usage(String... args) {
        return assertThrows(TransferOptions.Usage.class, () -> TransferOptions.parse(args, null)).getMessage();
    }

    @Test
    void aCsvFileIsReadAsCsvAndEverythingElseAsNdjson() throws Exception {
        TransferOptions csv = parse("import", "cases.CSV", "--target", "h:1");
        TransferOptions ndjson = parse("import", "cases.txt", "--target", "h:1");
        TransferOptions forced = parse("import", "cases.txt", "--target", "h:1", "--format", "csv", "--tls");

        assertTrue(csv.csv());
        assertFalse(ndjson.csv());
        assertTrue(forced.csv() && forced.tls());
        assertEquals(Path.of("cases.CSV.rejects"), csv.rejects());
        assertEquals("env-token", csv.token());
        assertEquals(Path.of("x.ndjson.persons.tsv"), parse("restore", "x.ndjson", "--target", "h:1").personMap());
        assertEquals(null, ndjson.statementTarget());
        assertEquals("s:2", parse("export", "x.ndjson", "--target", "h:1", "--statement-target", "s:2").statementTarget());
    }

    @Test
    void aCommandLineTheToolCannotRunNamesWhy() {
        assertTrue(usage("copy", "f").contains("name a command"));
        assertTrue(usage("import").contains("name a command"));
        assertTrue(usage("import", "f", "--token-file", "/nonexistent/token", "--target", "h:1").contains("--token-file"));
        assertTrue(usage("import", "f").contains("--target"));
        assertTrue(usage("import", "f", "--target").contains("needs a value"));
        assertTrue(usage("import", "f", "--target", "h:1", "--statement-target").contains("needs a value"));
        assertTrue(usage("import", "f", "--target", "h:1", "--verbose").contains("unknown option --verbose"));
        assertTrue(usage("import", "f", "--target", "h:1", "--format", "xml").contains("ndjson or csv"));
        assertTrue(usage("export", "f", "--target", "h:1", "--format", "csv").contains("NDJSON only"));
        assertTrue(usage("import", "f", "--target", "h:1").contains("no token"));
    }

    @Test
    void batchIdsFollowTheTokensSubjectNotTheTokenItself() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"s-1\",\"upn\":\"recorder@habeas.test\",\"exp\":1}".getBytes(StandardCharsets.UTF_8));

        assertEquals("recorder@habeas.test", TokenSubject.of("eyJhbGciOiJSUzI1NiJ9." + payload + ".sig"));
        assertEquals("opaque-token", TokenSubject.of("opaque-token"));
        assertEquals("a.!!.c", TokenSubject.of("a.!!.c"));
    }
}
