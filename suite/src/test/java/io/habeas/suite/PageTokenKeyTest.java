package io.habeas.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTokenKeyTest {

    @Test
    void isMadeOnceAndKeptReadableByItsOwnerOnly(@TempDir Path data) throws Exception {
        String key = PageTokenKey.inFolder(data.resolve(".habeas"));

        assertEquals(32, Base64.getDecoder().decode(key).length);
        Path file = data.resolve(".habeas").resolve(PageTokenKey.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(key, PageTokenKey.inFolder(data.resolve(".habeas")), "a restart uses the same key");
        assertNotEquals(key, PageTokenKey.inFolder(data.resolve("other")), "another data folder, another key");
    }

    @Test
    void tightensTheModeOfAKeptFile(@TempDir Path data) throws Exception {
        String key = PageTokenKey.inFolder(data);
        Path file = data.resolve(PageTokenKey.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(key, PageTokenKey.inFolder(data));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void refusesAFileThatHoldsNoKeyNamingIt(@TempDir Path data) throws Exception {
        Path file = data.resolve(PageTokenKey.FILE);
        for (String text : new String[] {"", "not base64!", Base64.getEncoder().encodeToString(new byte[16])}) {
            Files.writeString(file, text);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> PageTokenKey.inFolder(data));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        }
    }
}
