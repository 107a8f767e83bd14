package org.w3id.vlmsurvey.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What BibTeX itself makes of our output: the real {@code bibtex} program (Debian's texlive-binaries, installed by
 * {@code .ci/install-bibtex.sh}) reads entries with hostile titles, with a tiny style of our own that prints each
 * entry's key and title. Data must stay data: exactly the entries written, each with its whole title.
 */
public class BibTeXProgramTest {
    static final String STYLE = String.join(
            "\n",
            "ENTRY { title } {} {}",
            "FUNCTION {entry} { \"ENTRY \" cite$ * \" | \" * title * write$ newline$ }",
            "FUNCTION {article} { entry }",
            "FUNCTION {inproceedings} { entry }",
            "FUNCTION {misc} { entry }",
            "FUNCTION {default.type} { entry }",
            "READ",
            "ITERATE {call.type$}",
            "");

    /** The bibtex program, or a failure saying how to install it (never a skip). */
    static Path program() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "bibtex");
            if (Files.isExecutable(p)) return p;
        }
        return fail("the bibtex program is not installed: run .ci/install-bibtex.sh "
                + "(Debian: apt-get install texlive-binaries)");
    }

    /** What bibtex read: one {@code KEY | TITLE} line per entry, in order; fails on any bibtex error. */
    public static List<String> read(String bib) throws Exception {
        Path dir = Files.createTempDirectory("bibtex");
        try {
            Files.writeString(dir.resolve("mini.bst"), STYLE);
            Files.writeString(dir.resolve("t.bib"), bib);
            Files.writeString(dir.resolve("t.aux"), "\\citation{*}\n\\bibdata{t}\n\\bibstyle{mini}\n");
            ProcessBuilder pb = new ProcessBuilder(program().toString(), "-terse", "t")
                    .directory(dir.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("BIBINPUTS", ".");
            pb.environment().put("BSTINPUTS", ".");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bibtex did not end");
            assertEquals(0, p.exitValue(), "bibtex found errors:\n" + out + "\nin:\n" + bib);
            List<String> entries = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("t.bbl"), StandardCharsets.UTF_8))
                if (line.startsWith("ENTRY ")) entries.add(line.substring(6));
                else if (!entries.isEmpty()) { // bibtex wraps long lines
                    int last = entries.size() - 1;
                    entries.set(last, entries.get(last) + " " + line.strip());
                }
            return entries;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    static final List<String> HOSTILE = List.of(
            "ALIGN} @misc(evil2, title={x})",
            "ALIGN} @misc{evil3, title={x}} @comment{",
            "}}}} closing",
            "{{{{ opening",
            "back\\} slash brace \\{",
            "x}, year = {1999",
            "@preamble{\"\\immediate\\write18{touch pwned}\"}",
            "mail me at a@b.org");

    @Test
    void hostileTitlesStayOneEntryEach() throws Exception {
        List<BibTeX.Entry> entries = new ArrayList<>();
        for (int i = 0; i < HOSTILE.size(); i++) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("title", HOSTILE.get(i));
            f.put("year", "2023");
            entries.add(new BibTeX.Entry("misc", "Hostile" + i, f));
        }
        List<String> read = read(BibTeX.write(entries));
        assertEquals(HOSTILE.size(), read.size(), "bibtex read other entries than were written: " + read);
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertTrue(read.get(i).startsWith("Hostile" + i + " | "), read.get(i));
            // the whole title reached bibtex as the title (as LaTeX text), nothing cut at a brace
            assertEquals(
                    BibTeX.title(HOSTILE.get(i)),
                    read.get(i).substring(read.get(i).indexOf(" | ") + 3));
        }
    }

    /** The reproducer as it was written before: bibtex itself finds the second entry. */
    @Test
    void theOldEscapingLetBibtexFindASecondEntry() throws Exception {
        String old = "@misc{A2020,\n  title = {ALIGN\\} @misc(evil2, title={x}) \\{},\n  year = {2020}\n}\n";
        AssertionError e = assertThrows(AssertionError.class, () -> read(old));
        assertTrue(e.getMessage().contains("I was expecting a `,' or a `}'"), e.getMessage());
    }
}
