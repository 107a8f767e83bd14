package org.w3id.vlmsurvey.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The function library, one table of inputs per function ("" in a table is the empty string, "null" no answer),
 * then the same functions called from SPARQL.
 */
class MappingFunctionsTest {

    static String n(String s) {
        return "null".equals(s) ? null : s;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            Image Classification                       | h | image-classification
            Vision-Language Pre-training Methods       | h | vision-language-pre-training-methods
            '  --Hello,  World!--  '                   | h | hello-world
            ImageNet-1k                                | n | imagenet-1k
            Ünïcode Café                               | n | n-code-caf
            Top-1 Acc. (%)                             | m | top-1-acc
            %                                          | m | m-4345cb1fa278
            #                                          | m | m-d08f88df745f
            ''                                         | h | h-da39a3ee5e6b
            """)
    void slug(String name, String prefix, String expected) {
        assertEquals(expected, MappingFunctions.slug(name, prefix));
    }

    @Test
    void punctuationOnlyNamesGetDifferentSlugs() {
        assertNotEquals(MappingFunctions.slug("%", "m"), MappingFunctions.slug("#", "m"));
        assertEquals(
                MappingFunctions.sha1("%").substring(0, 12),
                MappingFunctions.slug("%", "m").substring(2));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            https://arxiv.org/abs/2103.00020            | 2103.00020
            https://arxiv.org/pdf/2103.00020v2.pdf      | 2103.00020
            http://export.arxiv.org/abs/2103.00020      | 2103.00020
            arxiv.org/abs/2103.0002                     | 2103.0002
            <https://www.arxiv.org/abs/1901.12345>      | 1901.12345
            https://ARXIV.org/ABS/2103.00020            | 2103.00020
            https://arxiv.org/abs/cs/0112017            | cs/0112017
            https://arxiv.org/abs/math.GT/0309136       | math.GT/0309136
            https://arxiv.org/list/cs.CV/recent         | null
            https://example.org/arxiv.org/abs/2103.00020 | null
            """)
    void arxivId(String href, String expected) {
        assertEquals(n(expected), MappingFunctions.arxivId(href));
    }

    /** What may become a parameter of a request to arXiv ({@code link --metadata}): an id, and nothing else. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            2103.00020                  | true
            2103.0002                   | true
            cs/0112017                  | true
            math.GT/0309136             | true
            2103.00020v2                | false
            2103.00020,2102.05918       | false
            '2103.00020\n'             | false
            2103.00020&max_results=9999 | false
            https://arxiv.org/abs/2103.00020 | false
            ../2103.00020               | false
            ''                          | false
            """)
    void isArxivId(String id, boolean expected) {
        assertEquals(expected, MappingFunctions.isArxivId(id.replace("\\n", "\n")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            https://doi.org/10.1007/s11263-022-01653-1             | 10.1007/s11263-022-01653-1
            https://doi.org/10.1007/S11263-022-01653-1/            | 10.1007/s11263-022-01653-1
            https://dl.acm.org/doi/abs/10.1145/3474085.3475182     | 10.1145/3474085.3475182
            https://dl.acm.org/doi/pdf/10.1145/3474085.3475182.pdf | 10.1145/3474085.3475182
            https://doi.org/10.1109/TCSVT.2023.1#section           | 10.1109/tcsvt.2023.1
            https://doi.org/10.1109/x?y=1                          | 10.1109/x
            https://doi.org/11.1109/x                              | null
            https://example.org/10.1109/x                          | null
            """)
    void doi(String href, String expected) {
        assertEquals(n(expected), MappingFunctions.doi(href));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            https://github.com/KaiyangZhou/CoOp                  | KaiyangZhou/CoOp
            https://github.com/KaiyangZhou/CoOp/                 | KaiyangZhou/CoOp
            https://www.github.com/openai/CLIP.git               | openai/CLIP
            http://github.com/facebookresearch/SLIP/tree/main    | facebookresearch/SLIP
            github.com/a/b#readme                                | a/b
            https://github.com/openai                            | null
            https://gitlab.com/a/b                               | null
            """)
    void githubRepo(String href, String expected) {
        assertEquals(n(expected), MappingFunctions.githubRepo(href));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            http://www.Example.org/Page/#top      | https://example.org/page/
            http://www.Example.org/Page/          | https://example.org/page
            https://example.org//                 | https://example.org
            HTTP://WWW.EXAMPLE.ORG                | https://example.org
            """)
    void normalUrl(String href, String expected) {
        assertEquals(expected, MappingFunctions.normalUrl(href));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            https://example.org/a         | https://example.org/a
            ' <http://example.org/a> '    | http://example.org/a
            not a url                     | null
            example.org/a                 | null
            https://example.org/a{b}      | null
            ftp://example.org/a           | null
            """)
    void webUrl(String href, String expected) {
        assertEquals(n(expected), MappingFunctions.webUrl(href));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            https://arxiv.org/abs/2103.00020v1                 | arxiv-2103.00020
            https://arxiv.org/abs/cs/0112017                   | arxiv-cs_0112017
            https://doi.org/10.1007/s11263-022-01653-1         | doi-10.1007%2Fs11263-022-01653-1
            https://example.org/page                           | url-11b2bb7eacde29b9
            http://www.example.org/page/                       | url-11b2bb7eacde29b9
            """)
    void linkKey(String href, String expected) {
        assertEquals(expected, MappingFunctions.linkKey(href));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            Paper          | paper
            ' paper '      | paper
            PDF            | other
            Paper Code     | code
            Code           | code
            code (PyTorch) | code
            Project        | page
            Project Page   | page
            Homepage       | page
            Website        | page
            Demo           | page
            ''             | other
            """)
    void linkRole(String label, String expected) {
        assertEquals(expected, MappingFunctions.linkRole(label));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            ''       | true
            '   '    | true
            -        | true
            –        | true
            —        | true
            ' - '    | true
            --       | false
            0        | false
            English  | false
            """)
    void emptyCell(String text, boolean expected) {
        assertEquals(expected, MappingFunctions.emptyCell(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            1.8B       | 1800000000
            0.87M      | 870000
            400M       | 400000000
            400m       | 400000000
            400K       | 400000
            5,000      | 5000
            '12 000'   | 12000
            12         | 12
            1.5        | 1
            1.8 B      | 1800000000
            ''         | null
            -          | null
            1.8T       | null
            about 5    | null
            .5M        | null
            """)
    void number(String text, String expected) {
        assertEquals(expected.equals("null") ? null : new BigInteger(expected), MappingFunctions.number(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            1,281,167  | 1281167
            50000      | 50000
            '10 000'   | 10000
            1.5        | null
            400K       | null
            ''         | null
            N/A        | null
            """)
    void count(String text, String expected) {
        assertEquals(n(expected), MappingFunctions.count(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            2021        | 2021
            1998        | 1998
            2100        | null
            1899        | null
            CVPR 2021   | null
            ' 2021'     | null
            ''          | null
            """)
    void year(String text, String expected) {
        assertEquals(n(expected), MappingFunctions.year(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            CVPR 2022       | 2022
            [CVPR 2022]     | 2022
            ' CVPR 2022 ] ' | 2022
            ICLR'23 2023    | 2023
            CVPR2022        | 2022
            ICLR W 2022     | 2022
            arXiv           | null
            2022 CVPR       | null
            ''              | null
            """)
    void endYear(String text, String expected) {
        assertEquals(n(expected), MappingFunctions.endYear(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            CVPR 2022       | CVPR 2022  | CVPR     | cvpr
            [ICLR W 2022]   | ICLR W 2022 | ICLRW   | iclrw
            'NeurIPS’2022'  | NeurIPS’2022 | NeurIPS | neurips
            CVPR2022        | CVPR2022   | CVPR     | cvpr
            Nature Comm.    | Nature Comm. | Nature Comm. | naturecomm
            '[ 2022 ]'      | 2022       | ''       | null
            """)
    void venues(String text, String label, String acronym, String key) {
        assertEquals(label, MappingFunctions.venueLabel(text));
        assertEquals(acronym, MappingFunctions.venueAcronym(label));
        assertEquals(n(key), MappingFunctions.venueKey(acronym));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            [CVPR 2022] Title [[Paper](u)]     | CVPR 2022
            '  [arXiv] Title'                  | arXiv
            []Title                            | ''
            Title [CVPR 2022]                  | null
            """)
    void entryVenue(String text, String expected) {
        assertEquals(n(expected), MappingFunctions.entryVenue(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            '  **CLIP: Learning**  '  | CLIP: Learning
            [[Title]]                 | Title
            _x_                       | x
            '[ ] * _'                 | ''
            """)
    void trimMarkup(String text, String expected) {
        assertEquals(expected, MappingFunctions.trimMarkup(text));
    }

    /** Every function answers from SPARQL under its IRI, and "no answer" leaves the variable unbound. */
    @Test
    void callableFromSparql() {
        MappingFunctions.register();
        String q =
                """
                PREFIX vlmfn: <https://w3id.org/vlm-survey/fn#>
                SELECT * {
                  BIND (vlmfn:slug("%", "m") AS ?slug)
                  BIND (vlmfn:arxivId("https://arxiv.org/abs/2103.00020v2") AS ?arxiv)
                  BIND (vlmfn:arxivId("https://example.org/") AS ?noArxiv)
                  BIND (vlmfn:doi("https://doi.org/10.1000/X") AS ?doi)
                  BIND (vlmfn:githubRepo("https://github.com/a/B") AS ?github)
                  BIND (vlmfn:linkKey("https://arxiv.org/abs/2103.00020") AS ?key)
                  BIND (vlmfn:number("1.8B") AS ?number)
                  BIND (vlmfn:count("5,000") AS ?count)
                  BIND (vlmfn:year("2021") AS ?year)
                  BIND (vlmfn:endYear("CVPR 2022") AS ?endYear)
                  BIND (vlmfn:emptyCell("–") AS ?empty)
                  BIND (vlmfn:linkRole("Project Page") AS ?role)
                  BIND (vlmfn:venueKey(vlmfn:venueAcronym(vlmfn:venueLabel("[ICLR W 2022]"))) AS ?venue)
                  BIND (vlmfn:entryVenue("[AAAI 2022] T") AS ?entryVenue)
                  BIND (vlmfn:trimMarkup("**T**") AS ?title)
                  BIND (vlmfn:webUrl("not a url") AS ?noWeb)
                  BIND (vlmfn:normalUrl("http://www.a.org/") AS ?norm)
                  BIND (vlmfn:number(42) AS ?notAString)
                }""";
        List<String> row = new ArrayList<>();
        try (QueryExec qe = QueryExec.graph(GraphFactory.createGraphMem())
                .query(QueryFactory.create(q))
                .build()) {
            RowSet rows = qe.select();
            var b = rows.next();
            for (String v : List.of(
                    "slug",
                    "arxiv",
                    "noArxiv",
                    "doi",
                    "github",
                    "key",
                    "number",
                    "count",
                    "year",
                    "endYear",
                    "empty",
                    "role",
                    "venue",
                    "entryVenue",
                    "title",
                    "noWeb",
                    "norm",
                    "notAString")) {
                var node = b.get(v);
                row.add(v + "=" + (node == null ? "unbound" : node.toString()));
            }
        }
        assertEquals(
                List.of(
                        "slug=\"" + MappingFunctions.slug("%", "m") + "\"",
                        "arxiv=\"2103.00020\"",
                        "noArxiv=unbound",
                        "doi=\"10.1000/x\"",
                        "github=\"a/B\"",
                        "key=\"arxiv-2103.00020\"",
                        "number=\"1800000000\"^^xsd:integer",
                        "count=\"5000\"^^xsd:integer",
                        "year=\"2021\"^^xsd:gYear",
                        "endYear=\"2022\"^^xsd:gYear",
                        "empty=\"true\"^^xsd:boolean",
                        "role=\"page\"",
                        "venue=\"iclrw\"",
                        "entryVenue=\"AAAI 2022\"",
                        "title=\"T\"",
                        "noWeb=unbound",
                        "norm=\"https://a.org\"",
                        "notAString=unbound"),
                row);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            [CVPR 2022] Title [Paper][Code]                 | Title
            '  [arXiv 2023] **Bold Title** [Paper] '        | Bold Title
            SBU Caption [Paper] [Project Page]              | SBU Caption
            Large-scale Learning (KELIP)[Paper][Code]       | Large-scale Learning (KELIP)
            A Title [with] brackets inside [Paper]          | A Title [with] brackets inside
            [CVPR 2022] [Paper][Code]                       | null
            """)
    void entryText(String text, String expected) {
        assertEquals(n(expected), MappingFunctions.entryText(text));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            Learning Transferable Visual Models From Natural Language Supervision (CLIP) | CLIP   | Learning Transferable Visual Models From Natural Language Supervision
            Yahoo Flickr Creative Commons 100 Million (YFCC100M)                        | YFCC100M | Yahoo Flickr Creative Commons 100 Million
            Large-scale Learning  (Chinese CLIP)                                        | Chinese CLIP | Large-scale Learning
            CLIP: Learning Transferable Visual Models                                   | null   | CLIP: Learning Transferable Visual Models
            A Title (with: a colon)                                                     | null   | A Title (with: a colon)
            (CLIP)                                                                      | null   | (CLIP)
            """)
    void shortNameAtEnd(String title, String shortName, String without) {
        assertEquals(n(shortName), MappingFunctions.shortNameAtEnd(title));
        assertEquals(without, MappingFunctions.withoutShortName(title));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            VLM Pre-training Methods                           | pre-training-methods
            Vision-Language Pre-training Methods               | pre-training-methods
            VLM Transfer Learning Methods                      | transfer-learning-methods
            Vision-Language Model Transfer Learning Methods    | transfer-learning-methods
            Vision Language Models for Vision Tasks            | for-vision-tasks
            VLMs and Synthetic Data                            | and-synthetic-data
            VLM Knowledge Distillation for Detection           | knowledge-distillation-for-detection
            Knowledge Distillation for Object Detection        | knowledge-distillation-for-object-detection
            VLMaker                                            | vlmaker
            """)
    void headingKey(String title, String key) {
        assertEquals(key, MappingFunctions.headingKey(title));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Learning Transferable Visual Models From Natural Language Supervision (CLIP) | learning-transferable-visual-models-from-natural-language-supervision
            CLIP: Learning Transferable Visual Models From Natural Language Supervision  | learning-transferable-visual-models-from-natural-language-supervision
            Conceptual Captions (CC3M)                                                   | conceptual-captions
            A Title (with: a colon)                                                      | a-title-with-a-colon
            Two words: a title                                                           | two-words-a-title
            """)
    void titleKey(String title, String key) {
        assertEquals(key, MappingFunctions.titleKey(title));
    }

    /** Entries of other lists, as their src:inline (links ⟨k|label⟩, bold ⟪text⟫, line breaks \n written as ⏎). */
    @ParameterizedTest
    @CsvSource(
            delimiter = '¦',
            emptyValue = "",
            textBlock =
                    """
            ⟨1|A Title⟩, CVPR 2023 [⟨2|code⟩]                              ¦ A Title       ¦ null  ¦ 1    ¦ CVPR 2023  ¦ 2023
            [2021.08] ⟨1|A Title⟩                                          ¦ A Title       ¦ null  ¦ 1    ¦ null       ¦ 2021
            ⟪ShortName⟫: A Title [⟨1|CVPR 2023⟩] [⟨2|Code⟩]               ¦ A Title       ¦ ShortName ¦ null ¦ CVPR 2023 ¦ 2023
            🌟 ⟪A Title: With Colon⟫⏎arXiv 2025, ⟨1|Paper⟩, ⟨2|Project⟩     ¦ A Title: With Colon ¦ null ¦ null ¦ arXiv 2025 ¦ 2025
            [CVPR 2022] A Title [⟨1|Paper⟩][⟨2|Code⟩]                      ¦ A Title       ¦ null  ¦ null ¦ CVPR 2022  ¦ 2022
            A Title (ECCV 2022) [⟨1|Paper⟩]                                ¦ A Title       ¦ null  ¦ null ¦ ECCV 2022  ¦ 2022
            ⟪⟨1|A Title⟩⟫ NeurIPS 2021                                     ¦ A Title       ¦ null  ¦ 1    ¦ NeurIPS 2021 ¦ 2021
            ⟨1|CLIP⟩: A Title, ICML 2021                                   ¦ A Title       ¦ CLIP  ¦ 1    ¦ ICML 2021  ¦ 2021
            ⟨1|Paper⟩ ⟨2|Code⟩                                             ¦ null          ¦ null  ¦ null ¦ null       ¦ null
            ⟨1|2401.00001⟩ A Title 2020                                     ¦ A Title 2020 ¦ null  ¦ null ¦ null       ¦ null
            """)
    void entryParts(String inline, String title, String shortName, String link, String venue, String year) {
        String in = inline.replace("⏎", "\n");
        assertEquals(n(title), MappingFunctions.entryTitle(in), "title");
        assertEquals(n(shortName), MappingFunctions.entryShortName(in), "short name");
        assertEquals(n(link), MappingFunctions.entryTitleLink(in), "title link");
        assertEquals(n(venue), MappingFunctions.entryVenueAnywhere(in), "venue");
        assertEquals(n(year), MappingFunctions.entryYear(in), "year");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Paper       | true
            📖 PDF      | true
            paper Link  | true
            CVPR 2023   | true
            2023        | true
            A Title     | false
            CLIP        | false
            """)
    void genericLabel(String label, boolean expected) {
        assertEquals(expected, MappingFunctions.genericLabel(label));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://arxiv.org/abs/2103.00020                         | true
            https://openreview.net/forum?id=abc                      | true
            https://openaccess.thecvf.com/content/CVPR2023/x.html    | true
            https://aclanthology.org/2023.acl-long.1                 | true
            https://proceedings.neurips.cc/paper/2020/hash/x         | true
            https://dl.acm.org/doi/10.1145/1                         | true
            https://ieeexplore.ieee.org/document/1                   | true
            https://link.springer.com/chapter/10.1007/1              | true
            https://example.org/paper.pdf                            | true
            https://github.com/openai/CLIP                           | false
            https://notarxiv.org.example.com/abs/1                   | false
            #section                                                 | false
            """)
    void paperHref(String href, boolean expected) {
        assertEquals(expected, MappingFunctions.paperHref(href));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            2023-05-11 | 2023
            2021.08    | 2021
            2023/5     | 2023
            2021       | 2021
            May 2021   | null
            21.08      | null
            """)
    void dateYear(String text, String expected) {
        assertEquals(n(expected), MappingFunctions.dateYear(text));
    }

    @Test
    void everyFunctionIsRegisteredOnce() {
        MappingFunctions.register();
        MappingFunctions.register();
        for (String name : MappingFunctions.FUNCTIONS.keySet())
            assertTrue(
                    org.apache.jena.sparql.function.FunctionRegistry.get().isRegistered(MappingFunctions.NS + name),
                    name);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            2303.15343   | 2023
            0704.0001    | 2007
            2112.12750   | 2021
            2313.00001   | null
            hep-th/9901001 | null
            2303.1534x   | null
            """)
    void arxivYear(String id, String expected) {
        assertEquals(n(expected), MappingFunctions.arxivYear(id));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://github.com/openai/CLIP                                         | github.com/openai/CLIP
            https://github.com/openai/CLIP.git                                     | github.com/openai/CLIP
            https://www.github.com/FlagAI-Open/FlagAI/tree/master/examples/AltCLIP | github.com/FlagAI-Open/FlagAI
            https://gitlab.com/group/project                                       | gitlab.com/group/project
            https://huggingface.co/openai/clip-vit-base-patch32                    | huggingface.co/openai/clip-vit-base-patch32
            https://sourceforge.net/projects/tool/                                 | sourceforge.net/projects/tool
            https://github.com/openai                                              | null
            https://google-research.github.io/vision_transformer/lit/              | null
            https://www.adrianbulat.com/lasp                                       | null
            """)
    void repository(String href, String expected) {
        assertEquals(n(expected), MappingFunctions.repository(href));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            NeurIPS | NeurlPS | 1
            ICLR W  | ICLRW   | 1
            Neurips | NeurIPS | 0
            ECCV    | ICCV    | 1
            CVPR    | ICML    | 4
            ''      | ICML    | 4
            """)
    void editDistance(String a, String b, int expected) {
        assertEquals(expected, org.w3id.vlmsurvey.diagnostics.Spelling.editDistance(a, b));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ICLR W 2022   | ICLR W
            NeurIPS’2022  | NeurIPS
            CVPR2022      | CVPR
            arXiv         | arXiv
            """)
    void venueName(String label, String expected) {
        assertEquals(expected, MappingFunctions.venueName(label));
    }
}
