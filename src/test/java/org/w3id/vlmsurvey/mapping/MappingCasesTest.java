package org.w3id.vlmsurvey.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3id.vlmsurvey.Golden;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * One folder per mapping rule under {@code src/test/resources/mapping/}: {@code input.md}, the graph it must give
 * ({@code expected.ttl}, compared by isomorphism) and the problems it must report ({@code problems.txt}, exact).
 */
class MappingCasesTest {
    static final Path CASES = Path.of("src/test/resources/mapping");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mapsAsExpected(String name) throws IOException {
        Path dir = CASES.resolve(name);
        SurveyGraph.Result r = SurveyGraph.build(SurveyGraph.Source.file(dir.resolve("input.md")), 2);
        Golden.assertIsomorphic(dir.resolve("expected.ttl"), r.data());
        String problems = r.problems().stream()
                .map(p -> p.toString().replace(dir.resolve("input.md").toString(), "input.md"))
                .collect(Collectors.joining("\n", "", r.problems().isEmpty() ? "" : "\n"));
        Golden.assertText(dir.resolve("problems.txt"), problems);
    }
}
