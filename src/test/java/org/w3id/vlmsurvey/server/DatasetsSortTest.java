package org.w3id.vlmsurvey.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The datasets page sorted by a column kept in the URL ({@code ?sort=}, a leading {@code -} for descending) on the
 * bundled survey: the exact first rows of each table, the filters kept by the header links and the form, and a sort
 * value that is not a column answered 400 (it is checked against a fixed list, never written into a query).
 */
class DatasetsSortTest {
    static String base;
    static final Pattern NAME = Pattern.compile("<td data-label=\"Dataset\"><a href=\"[^\"]+\">([^<]+)</a></td>");

    @BeforeAll
    static void start() {
        base = BundledServer.get().url();
        PagesTest.base = base;
    }

    /** The names of the rows of the pre-training (0) or evaluation (1) table, in order. */
    static List<String> names(String page, int table) {
        int from = page.indexOf(table == 0 ? "id=\"pre-training\"" : "id=\"evaluation\"");
        int to = table == 0 ? page.indexOf("id=\"evaluation\"") : page.length();
        Matcher m = NAME.matcher(page.substring(from, to));
        List<String> names = new ArrayList<>();
        while (m.find()) names.add(m.group(1));
        return names;
    }

    static List<String> first(List<String> names, int n) {
        return names.subList(0, Math.min(n, names.size()));
    }

    @Test
    void sortsByEachColumnKeptInTheUrl() {
        String bySize = PagesTest.html("/datasets?sort=-size");
        // 12B, 5B, 1.8B, then LAION400M and CLIP (both 400M) in the survey's order
        assertEquals(List.of("WebLI", "LAION5B", "ALIGN", "LAION400M", "CLIP"), first(names(bySize, 0), 5));
        assertTrue(bySize.contains("data-sort=\"size\" class=\"num\" aria-sort=\"descending\""), bySize);

        String byName = PagesTest.html("/datasets?sort=name");
        assertEquals(List.of("ALIGN", "CLIP", "COCO Caption"), first(names(byName, 0), 3));
        assertEquals(
                List.of("ADE20k", "Birdsnap", "Caltech-101"), first(names(byName, 1), 3), "without regard to case");

        String byTest = PagesTest.html("/datasets?sort=-test");
        assertEquals(List.of("ImageNet-1k", "COCO 2014 Detection", "PatchCamelyon"), first(names(byTest, 1), 3));
        assertEquals(first(names(PagesTest.html("/datasets"), 0), 16), names(byTest, 0), "no testing size: as it was");

        String byClasses = PagesTest.html("/datasets?sort=-classes&task=" + Http.enc("Image Classification"));
        assertEquals(List.of("ImageNet-1k", "Birdsnap", "SUN397"), first(names(byClasses, 1), 3));
        assertEquals(27, names(byClasses, 1).size(), "the filter still applies");
        // the header links keep the filters, and the sorted column's link reverses it; the form keeps the sort
        assertTrue(
                byClasses.contains("<a href=\"/datasets?task=Image+Classification&amp;sort=classes\">Classes</a>"),
                byClasses);
        assertTrue(byClasses.contains("<input type=\"hidden\" name=\"sort\" value=\"-classes\">"));

        String byYear = PagesTest.html("/datasets?sort=year");
        assertEquals(
                List.of("SBU Caption", "COCO Caption", "Yahoo Flickr Creative Commons 100 Million"),
                first(names(byYear, 0), 3));
    }

    @Test
    void aSortThatIsNotAColumnIsRefused() {
        for (String bad : List.of("languages", "-", "name;drop", "?name", "x".repeat(300), "ORDER BY ?x"))
            assertEquals(
                    400,
                    Http.get(base + "/datasets?sort=" + Http.enc(bad), null).statusCode(),
                    bad);
        var r = Http.get(base + "/datasets?sort=" + Http.enc("} DELETE { ?s ?p ?o }"), null);
        assertEquals(400, r.statusCode());
        assertTrue(
                r.body().contains("is not a column to sort by: give one of [classes, name, size, test, train, year]"),
                r.body());
    }
}
