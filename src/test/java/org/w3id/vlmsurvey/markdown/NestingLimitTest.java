package org.w3id.vlmsurvey.markdown;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/** Deep input is an error with its line, not a StackOverflowError; the survey's own nesting is far below the limit. */
class NestingLimitTest {

    static String deep(String kind, int levels) {
        StringBuilder sb = new StringBuilder("# Survey\n\nintro\n\n");
        switch (kind) {
            case "quote" -> sb.append(">".repeat(levels)).append(" deep\n");
            case "list" -> {
                for (int i = 0; i < levels; i++)
                    sb.append("  ".repeat(i)).append("- item ").append(i).append('\n');
            }
            default ->
                sb.append("*".repeat(levels))
                        .append("x")
                        .append("*".repeat(levels))
                        .append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"quote", "list"})
    void tenThousandLevelsIsAnError(String kind) {
        var e = assertThrows(SourceException.class, () -> MarkdownReader.read(deep(kind, 10_000), "deep.md"));
        String p = e.problem().toString();
        assertTrue(
                p.matches("deep\\.md:\\d+: error: nesting deeper than " + MarkdownReader.MAX_NESTING + " levels"), p);
        assertTrue(e.problem().line() >= 5, p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quote", "list", "emphasis"})
    void shallowNestingIsRead(String kind) {
        assertNotNull(MarkdownReader.read(deep(kind, 10), "ok.md"));
    }
}
