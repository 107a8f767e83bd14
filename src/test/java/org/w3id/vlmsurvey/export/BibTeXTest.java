package org.w3id.vlmsurvey.export;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXObject;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The BibTeX writer: escaping, citation keys, and output that a real BibTeX parser (jbibtex) reads back exactly. */
public class BibTeXTest {

    /**
     * The CLIP entry of a served {@code /papers.bib} of the bundled survey (parsed by jbibtex: all 41 papers, CLIP
     * under its {firstauthor}{year}{firstword} key, as with authors from links.ttl or metadata.ttl).
     */
    public static org.jbibtex.BibTeXEntry servedClip(BibTeXDatabase db) {
        org.junit.jupiter.api.Assertions.assertEquals(41, db.getEntries().size());
        var clip = db.resolveEntry(new org.jbibtex.Key("radford2021clip"));
        org.junit.jupiter.api.Assertions.assertNotNull(
                clip, "{firstauthor}{year}{firstword}: " + db.getEntries().keySet());
        return clip;
    }

    /** Parses BibTeX with jbibtex, failing on any syntax error. */
    public static BibTeXDatabase parse(String bib) {
        try {
            return new BibTeXParser().parseFully(new StringReader(bib));
        } catch (Exception e) {
            throw new AssertionError("jbibtex cannot parse:\n" + bib, e);
        }
    }

    /** A field's value as text, LaTeX commands resolved (as a reference manager shows it). */
    public static String plain(BibTeXEntry e, String field) {
        var v = e.getField(new Key(field));
        if (v == null) return null;
        try {
            List<LaTeXObject> objects = new LaTeXParser().parse(v.toUserString());
            return new LaTeXPrinter().print(objects);
        } catch (Exception ex) {
            throw new AssertionError("not LaTeX: " + v.toUserString(), ex);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "plain text|plain text",
                "Vision & Language|Vision \\& Language",
                "100% of $5 #1 a_b|100\\% of \\$5 \\#1 a\\_b",
                "{braces}|\\textbraceleft{}braces\\textbraceright{}",
                "ALIGN} @misc(evil2, title={x})|ALIGN\\textbraceright{} {\\char64}misc(evil2, title=\\textbraceleft{}x\\textbraceright{})",
                "back\\slash|back\\textbackslash{}slash",
                "a~b^c|a\\textasciitilde{}b\\textasciicircum{}c",
                "'two\nlines'|two lines",
                "Zürich – ünïcode|Zürich – ünïcode",
            })
    void escapesText(String in, String out) {
        assertEquals(out, BibTeX.text(in));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://github.com/openai/CLIP|https://github.com/openai/CLIP",
                "https://x.org/a_b%20c?d=e&f#g|https://x.org/a_b%20c?d=e&f#g",
                "https://x.org/{a}\\b c|https://x.org/%7Ba%7D%5Cb%20c",
                "10.48550/arXiv.2103.00020|10.48550/arXiv.2103.00020",
            })
    void keepsIdentifiersVerbatimButForBraces(String in, String out) {
        assertEquals(out, BibTeX.verbatim(in));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CLIP: Learning Transferable Visual Models|{CLIP}: Learning Transferable Visual Models",
                "CoOp: Learning to Prompt for Vision-Language Models|{CoOp}: Learning to Prompt for Vision-Language Models",
                "GroupViT: Semantic Segmentation|{GroupViT}: Semantic Segmentation",
                "K-LITE: Learning with External Knowledge|K-{LITE}: Learning with External Knowledge",
                "Vision & Language Models|Vision \\& Language Models",
                "ALIGN} @misc(evil2, title={x})|{ALIGN}\\textbraceright{} {\\char64}misc(evil2, title=\\textbraceleft{}x\\textbraceright{})",
                "plain title|plain title",
            })
    void titlesProtectCapitalsInBraces(String in, String out) {
        assertEquals(out, BibTeX.title(in));
    }

    @Test
    void keysAreAuthorYearWordOrNameYearLowerCaseUniqueAndStable() {
        List<BibTeX.KeySource> s = List.of(
                new BibTeX.KeySource("p:3", null, "2021", "CLIP: Learning Transferable Visual Models", "CLIP"),
                new BibTeX.KeySource("p:2", null, "2022", "Texts as Images in Prompt Tuning", "TaI-DPT"),
                new BibTeX.KeySource("p:1", null, "2022", "Chinese CLIP: Contrastive Pretraining", "Chinese CLIP"),
                new BibTeX.KeySource("p:5", null, "2020", "A", "X"),
                new BibTeX.KeySource("p:4", null, "2020", "B", "X"),
                new BibTeX.KeySource("p:6", null, "2020", "C", "X!"),
                new BibTeX.KeySource("p:7", null, null, null, null),
                new BibTeX.KeySource("p:8", null, "a", "D", "x2020"),
                new BibTeX.KeySource("p:9", "Radford", "2021", "CLIP: Learning Transferable", "CLIP"),
                new BibTeX.KeySource("p:10", "Müller-Lüdenscheidt", "2022", "The Art of Prompting", "Art"),
                new BibTeX.KeySource("p:11", null, "2022", "Bayesian Prompt Learning for Image-Language", null));
        Map<String, String> keys = BibTeX.keys(s);
        assertEquals("clip2021", keys.get("p:3"));
        assertEquals("taidpt2022", keys.get("p:2"));
        assertEquals("chineseclip2022", keys.get("p:1"));
        // Three papers named X in 2020 (after cleaning) and one x2020, lettered in the order of their ids.
        assertEquals("x2020a", keys.get("p:4"));
        assertEquals("x2020b", keys.get("p:5"));
        assertEquals("x2020c", keys.get("p:6"));
        assertEquals("x2020d", keys.get("p:8"));
        assertEquals("paper", keys.get("p:7"));
        // With a known first author: {firstauthor}{year}{firstword}, accents dropped, stop words skipped.
        assertEquals("radford2021clip", keys.get("p:9"));
        assertEquals("mullerludenscheidt2022art", keys.get("p:10"));
        // Without a short name: the first word of the title.
        assertEquals("bayesian2022", keys.get("p:11"));
        assertEquals(s.size(), keys.size());
        assertEquals(s.size(), new java.util.HashSet<>(keys.values()).size(), "keys unique: " + keys);
        for (String k : keys.values()) assertTrue(k.matches("[a-z0-9]+"), k);
        List<BibTeX.KeySource> reversed = new ArrayList<>(s);
        java.util.Collections.reverse(reversed);
        assertEquals(
                keys,
                new java.util.TreeMap<>(BibTeX.keys(reversed))
                        .entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                "same keys in any order");
        assertEquals("z", BibTeX.suffix(25));
        assertEquals("aa", BibTeX.suffix(26));
        assertEquals("ab", BibTeX.suffix(27));
    }

    @Test
    void writtenEntriesParseBackToTheSameText() {
        Map<String, String> f = new LinkedHashMap<>();
        String title = "Nasty {title} & 100% $cost$ #1 under_score, back\\slash ~ ^ \"quoted\" @at";
        f.put("title", title);
        f.put("booktitle", "Vision & Language (V&L)");
        f.put("year", "2023");
        f.put("url", "https://example.org/a_b?c=d&e=%20");
        f.put("doi", "10.1000/x_y");
        f.put("note", null);
        String bib = BibTeX.write(List.of(
                new BibTeX.Entry("inproceedings", "Nasty2023", f),
                new BibTeX.Entry("misc", "Other2020", Map.of("title", "Other"))));
        BibTeXDatabase db = parse(bib);
        assertEquals(2, db.getEntries().size());
        BibTeXEntry e = db.resolveEntry(new Key("Nasty2023"));
        assertEquals(new Key("inproceedings"), e.getType());
        assertEquals(
                title,
                e.getField(BibTeXEntry.KEY_TITLE)
                        .toUserString()
                        .replace("\\textbackslash{}", "\\")
                        .replace("\\textbraceleft{}", "{")
                        .replace("\\textbraceright{}", "}")
                        .replace("{\\char64}", "@")
                        .replace("\\textasciitilde{}", "~")
                        .replace("\\textasciicircum{}", "^")
                        .replaceAll("\\\\([{}&%$#_])", "$1"));
        assertEquals("Vision & Language (V&L)", plain(e, "booktitle"));
        assertEquals(
                "https://example.org/a_b?c=d&e=%20",
                e.getField(BibTeXEntry.KEY_URL).toUserString());
        assertEquals("10.1000/x_y", e.getField(BibTeXEntry.KEY_DOI).toUserString());
        assertNull(e.getField(new Key("note")), "empty fields are left out");
        assertThrows(IllegalArgumentException.class, () -> new BibTeX.Entry("in proceedings", "k", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new BibTeX.Entry("misc", "a b", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new BibTeX.Entry("misc", "a,b", Map.of()));
    }
}
