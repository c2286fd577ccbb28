package io.habeas.suite;

import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.habeas.kernel.access.Role;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The run command's development identity provider: an RSA key pair made once in the data folder
 * ({@code jwt/private.pem} and {@code jwt/public.pem}, readable by the owner only), the settings that
 * make the three applications verify its tokens, and the tokens it signs. For development only:
 * a deployment verifies its identity provider's tokens instead (see k8s/README.md).
 */
final class DevTokens {
    static final String ISSUER = "https://dev.habeas.localhost";
    static final String AUDIENCE = "habeas";
    /** How long a token printed for a person is valid. */
    static final Duration FOR_PEOPLE = Duration.ofHours(12);

    private final Path publicKey;
    private final PrivateKey privateKey;

    private DevTokens(Path publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The key pair in {@code data/jwt}, made on the first call. */
    static DevTokens inFolder(Path data) {
        Path folder = data.resolve("jwt");
        Path privatePem = folder.resolve("private.pem");
        Path publicPem = folder.resolve("public.pem");
        try {
            if (!Files.isRegularFile(privatePem) || !Files.isRegularFile(publicPem)) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                KeyPair pair = KeyUtils.generateKeyPair(2048);
                writeOwnerOnly(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                writeOwnerOnly(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            return new DevTokens(publicPem, KeyUtils.decodePrivateKey(Files.readString(privatePem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the development key in " + folder, e);
        }
    }

    /** The key pair in {@code data/jwt}, which the run command must have made. */
    static DevTokens existing(Path data) {
        if (!Files.isRegularFile(data.resolve("jwt/private.pem"))) {
            throw new IllegalStateException("no development key in " + data.resolve("jwt") + ": run ./run-habeas once first");
        }
        return inFolder(data);
    }

    /** What each application needs to verify these tokens, as environment variables (SmallRye JWT's mp.jwt.verify.*). */
    Map<String, String> verification() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString(),
                "MP_JWT_VERIFY_ISSUER", ISSUER,
                "MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
    }

    /** A token for a person of this role. */
    String forPerson(Role role, Duration validity) {
        return mint("dev-" + role.claim(), role, validity);
    }

    /** A token for someone else of this role: another subject than the printed ones. */
    String forSubject(String subject, Role role, Duration validity) {
        return mint(subject, role, validity);
    }

    private String mint(String subject, Role role, Duration validity) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(role.claim()))
                .issuedAt(now).expiresAt(now.plus(validity)).jws().sign(privateKey);
    }

    /** Sends this token with every call of a channel. */
    static ClientInterceptor bearer(String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return MetadataUtils.newAttachHeadersInterceptor(headers);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
