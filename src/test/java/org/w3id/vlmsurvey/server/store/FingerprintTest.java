package org.w3id.vlmsurvey.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/** A store of several surveys is rebuilt when any of them, or their order, changes; one survey's label is as before. */
class FingerprintTest {
    static SurveyGraph.Snapshot md(String name, String text) {
        return SurveyGraph.Snapshot.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void severalSurveysAreLabelledByEveryOneInOrder() {
        SurveyGraph.Snapshot a = md("a.md", "# A\n"), b = md("b.md", "# B\n"), c = md("b.md", "# C\n");
        assertEquals(Fingerprint.of(a), Fingerprint.of(List.of(a)));
        assertEquals(Fingerprint.of(List.of(a, b)), Fingerprint.of(List.of(a, md("b.md", "# B\n"))));
        assertNotEquals(Fingerprint.of(List.of(a, b)), Fingerprint.of(List.of(a, c)), "a survey changed");
        assertNotEquals(Fingerprint.of(List.of(a, b)), Fingerprint.of(List.of(b, a)), "the first keeps the IRIs");
        assertNotEquals(Fingerprint.of(a), Fingerprint.of(List.of(a, b)), "a survey added");
        assertEquals(Fingerprint.of(a).program(), Fingerprint.of(List.of(a, b)).program());
    }
}
