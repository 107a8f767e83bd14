package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The versions nearest to a revision that names none ({@link Nearest}), by commit and by day, on a table. */
class NearestTest {
    record V(String name, String commit, Instant time) {}

    /** Five versions, oldest first; b and c are of the same day, d and e two days apart. */
    static final List<V> VERSIONS = List.of(
            new V("a", "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", Instant.parse("2023-04-07T10:00:00Z")),
            new V("b", "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", Instant.parse("2023-06-05T09:00:00Z")),
            new V("c", "2222233ccccccccccccccccccccccccccccccccc", Instant.parse("2023-06-05T18:00:00Z")),
            new V("d", "abcdef0ddddddddddddddddddddddddddddddddd", Instant.parse("2024-01-13T08:00:00Z")),
            new V("e", "abcdef1eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee", Instant.parse("2024-01-15T23:30:00Z")));

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            abcdef2                                  | null       | 2 | e d
            ABCDEF0                                  | null       | 1 | d
            '  abcdef0  '                            | null       | 1 | d
            2222222                                  | null       | 3 | b c e
            2222222bbbbbbbbbbb0                      | null       | 1 | b
            9999999                                  | null       | 5 | e d c b a
            1111111                                  | null       | 0 | ''
            2019-01-01                               | 2019-01-01 | 2 | a c
            2023-06-06                               | 2023-06-06 | 3 | c b a
            2024-01-14                               | 2024-01-14 | 2 | e d
            2030-01-01                               | 2030-01-01 | 9 | e d c b a
            """)
    void nearestFirst(String revision, String day, int n, String expected) {
        List<String> found =
                Nearest.of(VERSIONS, revision, day == null ? null : LocalDate.parse(day), V::commit, V::time, n)
                        .stream()
                        .map(V::name)
                        .toList();
        assertEquals(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")), found);
    }
}
