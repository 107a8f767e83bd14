package org.w3id.vlmsurvey.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/**
 * The versions of the survey kept as dated copies in a folder: files named {@code YYYY-MM-DD*.md}, in name order
 * (so by date); each is dated at 00:00 UTC of its day and identified by its name without {@code .md}.
 */
public final class DirSnapshots {
    /** A dated copy's name: the date, then anything, then {@code .md}. */
    static final Pattern DATED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(.*)\\.md");

    private DirSnapshots() {}

    public static List<Snapshot> read(Path dir) {
        if (!Files.isDirectory(dir)) throw new SourceException(Problem.error(dir.toString(), 0, "no such folder"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Files.isRegularFile(p)
                            && DATED.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new SourceException(Problem.error(dir.toString(), 0, "cannot list the folder: " + e.getMessage()));
        }
        List<Snapshot> versions = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            Matcher m = DATED.matcher(name);
            if (!m.matches()) continue;
            LocalDate day;
            try {
                day = LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                throw new SourceException(
                        Problem.error(f.toString(), 0, "the file name does not start with a valid date YYYY-MM-DD"));
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new SourceException(Problem.error(f.toString(), 0, "cannot read: " + e.getMessage()));
            }
            versions.add(Snapshot.of(
                    name.substring(0, name.length() - 3),
                    null,
                    day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    f.toString(),
                    bytes));
        }
        if (versions.isEmpty())
            throw new SourceException(Problem.error(dir.toString(), 0, "no dated copies (files named YYYY-MM-DD*.md)"));
        return versions;
    }

    /** One file as a version: identified by {@code blob-<git blob id>}, named by its path, undated (the epoch). */
    public static Snapshot file(Path f) {
        if (!Files.isRegularFile(f)) throw new SourceException(Problem.error(f.toString(), 0, "no such file"));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            throw new SourceException(Problem.error(f.toString(), 0, "cannot read: " + e.getMessage()));
        }
        String blob = Snapshot.blobId(bytes);
        return new Snapshot("blob-" + blob, null, java.time.Instant.EPOCH, f.toString(), bytes, blob);
    }
}
