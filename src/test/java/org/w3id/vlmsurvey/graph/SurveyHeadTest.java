package org.w3id.vlmsurvey.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.bundle.Bundled;

/** What a README's head says of its survey ({@link SurveyHead}): the bundled survey, a later one, and edge cases. */
class SurveyHeadTest {
    static final String TITLE = "Vision-Language Models for Vision Tasks: A Survey";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "the bundled survey: its Citation block",
                        new String(Bundled.bytes(Bundled.SURVEY), java.nio.charset.StandardCharsets.UTF_8),
                        new SurveyHead(
                                TITLE,
                                List.of("Jingyi Zhang", "Jiaxing Huang", "Sheng Jin", "Shijian Lu"),
                                "2304.00685")),
                Arguments.of(
                        "a later README without a Citation block: the bold title line and the first arXiv link",
                        read("/later-version/vlm-survey-later.md"),
                        new SurveyHead(TITLE, List.of(), "2304.00685")),
                Arguments.of(
                        "quoted fields, braces kept out, a name without a comma",
                        "# X\n\n### Citation\n~~~bibtex\n@misc{k,\n  title = \"{CLIP} Survey\",\n  author = {Ada Lovelace and Turing, Alan},\n}\n~~~\n",
                        new SurveyHead("CLIP Survey", List.of("Ada Lovelace", "Alan Turing"), null)),
                Arguments.of("nothing at all", "# Just a list\n\n- a\n", SurveyHead.NONE));
    }

    static String read(String resource) {
        try (var in = SurveyHeadTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheHead(String name, String markdown, SurveyHead expected) {
        assertEquals(expected, SurveyHead.of(markdown));
    }
}
