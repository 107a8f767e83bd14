package org.w3id.vlmsurvey.server.web;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one CSV writer of the pages ({@code /papers.csv}, {@code /search.csv}, {@code /datasets.csv}, ...). */
class TableCsvTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "=HYPERLINK(\"http://evil\")|'=HYPERLINK(\"http://evil\")",
                "+1+1|'+1+1",
                "-2+3|'-2+3",
                "@SUM(A1)|'@SUM(A1)",
                "CLIP|CLIP",
                "a=b|a=b",
                "Zero-shot|Zero-shot",
            })
    void formulaCellsArePrefixed(String in, String out) {
        assertEquals(out, Table.cell(in));
    }

    @Test
    void tabAndCarriageReturnArePrefixedAndNumbersAreNot() {
        assertEquals("'\tx", Table.cell("\tx"));
        assertEquals("'\rx", Table.cell("\rx"));
        assertEquals("", Table.cell(""));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("title", "=1+2");
        row.put("n", -3L);
        row.put("score", new BigDecimal("-0.5"));
        row.put("note", "-\"quoted\", with comma");
        String csv = new Table(List.of("title", "n", "score", "note"), List.of(row)).csv();
        assertEquals("title,n,score,note\r\n'=1+2,-3,-0.5,\"'-\"\"quoted\"\", with comma\"\r\n", csv);
    }
}
