package org.w3id.vlmsurvey.server.guard;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The users allowed to update, with hashed passwords: one line per user,
 * <pre>
 * # comment
 * alice:pbkdf2-sha256:210000:SALT:HASH
 * </pre>
 * SALT (16 bytes or more) and HASH (32 bytes) in base64, HASH = PBKDF2-HMAC-SHA256(password, SALT, iterations). Make
 * a line with {@code vlm-survey-kg passwd USER} (it reads the password from standard input). Parsing is strict: a
 * byte-order mark is skipped, any other malformed line, a duplicate user or an empty file is an error naming
 * {@code FILE:LINE}; there is no plain-text or empty password.
 */
public final class PasswordFile {
    public static final String ALGORITHM = "pbkdf2-sha256";
    public static final int ITERATIONS = 210_000;
    private static final int MIN_ITERATIONS = 10_000;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    record Entry(int iterations, byte[] salt, byte[] hash) {}

    private final Map<String, Entry> users;

    private PasswordFile(Map<String, Entry> users) {
        this.users = users;
    }

    /** Reads and checks a password file; every problem is an IllegalArgumentException "FILE:LINE: error: ...". */
    public static PasswordFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": error: the password file does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": error: cannot read the password file: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": error: the password file is not UTF-8 text");
        }
        return parse(text, file.toString());
    }

    public static PasswordFile parse(String text, String name) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Map<String, Entry> users = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = name + ":" + (i + 1) + ": error: ";
            String[] f = line.split(":", -1);
            if (f.length != 5)
                throw new IllegalArgumentException(where + "expected USER:" + ALGORITHM
                        + ":ITERATIONS:SALT:HASH (make one with: vlm-survey-kg passwd USER)");
            if (!USER.matcher(f[0]).matches())
                throw new IllegalArgumentException(
                        where + "user name \"" + f[0] + "\" must be 1 to 64 of A-Z a-z 0-9 . _ @ -");
            if (!f[1].equals(ALGORITHM))
                throw new IllegalArgumentException(where + "unknown hash \"" + f[1] + "\": only " + ALGORITHM
                        + " (plain-text passwords are not accepted)");
            int iterations;
            try {
                iterations = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                iterations = -1;
            }
            if (iterations < MIN_ITERATIONS)
                throw new IllegalArgumentException(
                        where + "iterations \"" + f[2] + "\" must be a number of at least " + MIN_ITERATIONS);
            byte[] salt, hash;
            try {
                salt = Base64.getDecoder().decode(f[3]);
                hash = Base64.getDecoder().decode(f[4]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "salt and hash must be base64: " + e.getMessage());
            }
            if (salt.length < 16) throw new IllegalArgumentException(where + "the salt must be at least 16 bytes");
            if (hash.length != 32) throw new IllegalArgumentException(where + "the hash must be 32 bytes");
            if (users.containsKey(f[0]))
                throw new IllegalArgumentException(where + "user \"" + f[0] + "\" is listed twice");
            users.put(f[0], new Entry(iterations, salt, hash));
        }
        if (users.isEmpty())
            throw new IllegalArgumentException(
                    name + ": error: no user in the password file (make a line with: vlm-survey-kg passwd USER)");
        return new PasswordFile(Map.copyOf(users));
    }

    /** Whether the user exists and the password is theirs (in time independent of where the hashes differ). */
    public boolean verify(String user, String password) {
        Entry e = users.get(user);
        if (e == null || password.isEmpty()) {
            pbkdf2("x", new byte[16], ITERATIONS); // same work for an unknown user
            return false;
        }
        return MessageDigest.isEqual(e.hash(), pbkdf2(password, e.salt(), e.iterations()));
    }

    public java.util.Set<String> users() {
        return users.keySet();
    }

    /** A line of the file for this user and password (a fresh random salt). */
    public static String line(String user, String password) {
        if (!USER.matcher(user).matches())
            throw new IllegalArgumentException("user name \"" + user + "\" must be 1 to 64 of A-Z a-z 0-9 . _ @ -");
        if (password.isEmpty()) throw new IllegalArgumentException("the password must not be empty");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return user + ":" + ALGORITHM + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
