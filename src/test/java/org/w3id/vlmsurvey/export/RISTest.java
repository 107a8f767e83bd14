package org.w3id.vlmsurvey.export;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The RIS writer, read back by a strict reader of the RIS structure (what Zotero's, EndNote's and Mendeley's
 * importers expect): every line {@code TAG  - value} with a two-character tag, CR LF line ends, each record opened by
 * {@code TY} and closed by {@code ER}, values on one line.
 */
public class RISTest {
    static final Pattern LINE = Pattern.compile("([A-Z][A-Z0-9])  - (.*)");

    /** The records of a RIS text, each as its tags and values in order; fails on anything out of structure. */
    public static List<List<Map.Entry<String, String>>> read(String ris) {
        assertFalse(ris.replace("\r\n", "").contains("\n"), "lines end with CR LF");
        assertFalse(ris.replace("\r\n", "").contains("\r"), "no lone CR");
        List<List<Map.Entry<String, String>>> records = new ArrayList<>();
        List<Map.Entry<String, String>> open = null;
        for (String line : ris.split("\r\n", -1)) {
            if (line.isEmpty()) continue;
            var m = LINE.matcher(line);
            if (line.equals("ER  - ")) {
                assertNotNull(open, "ER without TY");
                records.add(open);
                open = null;
                continue;
            }
            assertTrue(m.matches(), "not a RIS line: " + line);
            if (m.group(1).equals("TY")) {
                assertNull(open, "TY inside a record");
                open = new ArrayList<>();
            } else assertNotNull(open, "a field outside a record: " + line);
            open.add(Map.entry(m.group(1), m.group(2)));
        }
        assertNull(open, "a record without ER");
        return records;
    }

    @Test
    void recordsAreStructuredAndValuesStayOnOneLine() {
        RIS.Fields f = new RIS.Fields()
                .add("ID", "radford2021clip")
                .add("TI", "CLIP: two\nlines\r\nand\ttabs")
                .add("AU", "Radford, Alec")
                .add("AU", "Kim, Jong Wook")
                .add("PY", "2021")
                .add("AB", null)
                .add("DO", " ");
        String ris = RIS.write(List.of(
                new RIS.Record("CPAPER", f.list()),
                new RIS.Record(
                        "GEN", new RIS.Fields().add("TI", "ER  - fake end").list())));
        var records = read(ris);
        assertEquals(2, records.size());
        Map<String, List<String>> first = new LinkedHashMap<>();
        for (var e : records.get(0))
            first.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        assertEquals(List.of("CPAPER"), first.get("TY"));
        assertEquals(List.of("CLIP: two lines and tabs"), first.get("TI"));
        assertEquals(List.of("Radford, Alec", "Kim, Jong Wook"), first.get("AU"), "authors in order");
        assertNull(first.get("AB"), "empty values are left out");
        assertNull(first.get("DO"));
        assertEquals("ER - fake end", records.get(1).get(1).getValue(), "a value is never a record's end");
        assertThrows(IllegalArgumentException.class, () -> new RIS.Record("BOOK", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RIS.Record("JOUR", List.of(Map.entry("TTL", "x"))));
    }
}
