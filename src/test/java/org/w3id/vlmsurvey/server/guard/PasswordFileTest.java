package org.w3id.vlmsurvey.server.guard;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The update password file: hashed, strict, every error with FILE:LINE. */
class PasswordFileTest {
    static final String ALICE = PasswordFile.line("alice", "pa,ss word");

    @Test
    void verifiesOnlyTheRightPassword() {
        PasswordFile f = PasswordFile.parse("\uFEFF# users\n\n" + ALICE + "\r\n", "pw");
        assertTrue(f.verify("alice", "pa,ss word"));
        assertFalse(f.verify("alice", "pa"), "Jetty's realm format took 'pa' from 'pa,ss'");
        assertFalse(f.verify("alice", ""));
        assertFalse(f.verify("bob", "pa,ss word"));
        assertFalse(ALICE.contains("pa,ss"), "no plain text");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            bob: pa,ss                                      | pw:2: error: expected USER:pbkdf2-sha256:ITERATIONS:SALT:HASH (make one with: vlm-survey-kg passwd USER)
            alice:                                          | pw:2: error: expected USER:pbkdf2-sha256:ITERATIONS:SALT:HASH (make one with: vlm-survey-kg passwd USER)
            al ice:pbkdf2-sha256:210000:AAAA:AAAA           | pw:2: error: user name "al ice" must be 1 to 64 of A-Z a-z 0-9 . _ @ -
            bob:md5:1:AAAA:AAAA                             | pw:2: error: unknown hash "md5": only pbkdf2-sha256 (plain-text passwords are not accepted)
            bob:pbkdf2-sha256:10:AAAA:AAAA                  | pw:2: error: iterations "10" must be a number of at least 10000
            bob:pbkdf2-sha256:210000:AAAA:AAAA              | pw:2: error: the salt must be at least 16 bytes
            bob:pbkdf2-sha256:210000:!!:AAAA                | pw:2: error: salt and hash must be base64: Illegal base64 character 21
            """)
    void strictLines(String line, String error) {
        var e = assertThrows(
                IllegalArgumentException.class, () -> PasswordFile.parse(ALICE + "\n" + line + "\n", "pw"));
        assertEquals(error, e.getMessage());
    }

    @Test
    void duplicateUsersEmptyAndMissingFiles(@TempDir Path dir) throws Exception {
        var dup = assertThrows(
                IllegalArgumentException.class, () -> PasswordFile.parse(ALICE + "\n#\n" + ALICE + "\n", "pw"));
        assertEquals("pw:3: error: user \"alice\" is listed twice", dup.getMessage());
        Path missing = dir.resolve("nope");
        assertEquals(
                missing + ": error: the password file does not exist",
                assertThrows(IllegalArgumentException.class, () -> PasswordFile.read(missing))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> PasswordFile.line("alice", ""), "no empty password");
        Path f = dir.resolve("pw");
        Files.writeString(f, ALICE + "\n");
        assertTrue(PasswordFile.read(f).verify("alice", "pa,ss word"));
    }
}
