package org.w3id.vlmsurvey.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3id.vlmsurvey.server.SurveyServer;

/**
 * The search evaluation ({@link SearchEval}, {@code bench/search-eval/queries.tsv}) on the real bundled survey, with a
 * floor: at least 40 graded queries; recall@10 and MRR at least the floors below (the figures in
 * {@code bench/RESULTS.md} are 0.959 and 0.865); and the acceptance searches of issue 17 each at their best.
 */
class SearchEvalTest {
    static final double RECALL_FLOOR = 0.9, MRR_FLOOR = 0.8;

    @Test
    void theBundledSurveyIsSearchedAboveTheFloor() {
        List<SearchEval.Case> cases = SearchEval.cases(Path.of(SearchEval.FILE));
        assertTrue(cases.size() >= 40, "at least 40 queries: " + cases.size());
        try (SurveyServer s = SearchEval.bundledServer()) {
            SearchEval.Report r = SearchEval.evaluate(s.store().dataset(), cases);
            assertTrue(r.recall() >= RECALL_FLOOR, "recall@10 " + r.recall() + "\n" + r.markdown());
            assertTrue(r.mrr() >= MRR_FLOOR, "MRR " + r.mrr() + "\n" + r.markdown());
            for (SearchEval.Score sc : r.scores())
                if (List.of("CLIP", "SegCLIP", "CoOp", "LAION", "mIoU")
                        .contains(sc.c().query()))
                    assertEquals(1.0, sc.reciprocalRank(), sc.c().query() + ": " + sc.top());
        }
    }

    @Test
    void aMalformedLineNamesItsLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("q.tsv");
        java.nio.file.Files.writeString(f, "# comment\nclip\tok\t2:paper/x\nbad line\n");
        var e = assertThrows(IllegalArgumentException.class, () -> SearchEval.cases(f));
        assertTrue(e.getMessage().contains("q.tsv:3:"), e.getMessage());
        java.nio.file.Files.writeString(f, "clip\tok\t3:paper/x\n");
        e = assertThrows(IllegalArgumentException.class, () -> SearchEval.cases(f));
        assertTrue(e.getMessage().contains("q.tsv:1:"), e.getMessage());
    }
}
