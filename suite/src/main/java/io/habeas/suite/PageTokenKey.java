package io.habeas.suite;

import io.habeas.kernel.paging.TokenKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The key every application seals its page tokens and cursors with (HABEAS_PAGE_TOKEN_KEY):
 * made once, kept in the data folder readable by its owner only, so that tokens survive a
 * restart of the suite.
 */
final class PageTokenKey {
    static final String VARIABLE = TokenKeys.KEY_VARIABLE;
    static final String FILE = "page-token.key";
    private static final int BYTES = TokenKeys.KEY_BYTES;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PageTokenKey() {
    }

    /** The key kept in this folder, made the first time; base64 of 32 bytes. */
    static String inFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] key = new byte[BYTES];
            new SecureRandom().nextBytes(key);
            // Written whole beside it, then renamed: a run stopped halfway leaves no empty key behind.
            Path temp = Files.createTempFile(folder, FILE, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != BYTES) {
            throw new IllegalStateException(file + " does not hold the base64 of " + BYTES
                    + " bytes; delete it and a new key is made (tokens already issued stop working)");
        }
        return key;
    }
}
