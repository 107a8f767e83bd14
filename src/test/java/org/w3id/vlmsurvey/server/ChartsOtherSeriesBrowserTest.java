package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * A chart with more series than it draws, in a real headless Chromium: on a survey of twelve method categories
 * ("Method 01" with one paper ... "Method 12" with twelve, all of 2021), the papers-per-year chart keeps the nine
 * largest series in the survey's order and sums the three smallest (1 + 2 + 3 papers) as "other", in grey.
 */
@Tag("slow")
class ChartsOtherSeriesBrowserTest {
    /** The survey: category k has k papers, each with its own arXiv id of 2021. */
    static String survey() {
        StringBuilder md = new StringBuilder("# A Survey of Many Methods\n\n## Methods\n\n");
        for (int k = 1; k <= 12; k++) {
            md.append(String.format(
                    "### Method %02d%n%n| Paper | Published in | Code/Project |%n|---|:---:|:---:|%n", k));
            for (int j = 1; j <= k; j++)
                md.append(String.format(
                        "|[Method %02d Paper %d: A Study](https://arxiv.org/abs/2101.%02d%03d)|ICML 2021|-|%n",
                        k, j, k, j));
            md.append('\n');
        }
        return md.toString();
    }

    @Test
    void theSmallestSeriesAreGroupedAsOther(@TempDir Path dir) throws Exception {
        Browser.assumePresent();
        Path md = dir.resolve("many.md");
        Files.writeString(md, survey());
        try (SurveyServer server = SurveyServer.start(ServerOptions.builder(SurveyGraph.Source.file(md))
                        .port(0)
                        .build());
                Browser browser = Browser.open(Browser.options())) {
            browser.get(server.url() + "/charts");
            browser.until(d -> d.findElement(By.tagName("body")).getAttribute("data-charts") != null);
            assertEquals(
                    "10", browser.driver().findElement(By.id("papers-per-year")).getAttribute("data-series"));
            @SuppressWarnings("unchecked")
            List<Object> series = (List<Object>) browser.script(
                    "const o = echarts.getInstanceByDom(document.querySelector('#papers-per-year .chart-canvas')).getOption();"
                            + "return o.series.map(s => [s.name, s.data.map(d => typeof d === 'object' && d !== null ? d.value : d), "
                            + "s.itemStyle ? s.itemStyle.color : null]);");
            List<String> names = new ArrayList<>();
            for (Object s : series) names.add(String.valueOf(((List<?>) s).get(0)));
            assertEquals(
                    List.of(
                            "Method 04",
                            "Method 05",
                            "Method 06",
                            "Method 07",
                            "Method 08",
                            "Method 09",
                            "Method 10",
                            "Method 11",
                            "Method 12",
                            "other"),
                    names);
            List<?> other = (List<?>) series.get(9);
            assertEquals(List.of(6L), other.get(1), "Method 01, 02 and 03: 1 + 2 + 3 papers of 2021");
            assertEquals("#BBBBBB", other.get(2), "other in grey");
            assertEquals(List.of(12L), ((List<?>) series.get(8)).get(1));
        }
    }
}
