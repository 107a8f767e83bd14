package org.w3id.vlmsurvey.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.vlmsurvey.cli.Cli.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.vlmsurvey.cli.Cli.Run;
import org.w3id.vlmsurvey.cli.Main;
import org.w3id.vlmsurvey.export.Exporter;

/** {@code link} and {@code export} end to end: the links file is written, read back, and exported with the survey. */
class LinkCommandTest {
    @TempDir
    Path dir;

    /** {@code link} asking the two stand-ins, writing {@code links}, with {@code more} options. */
    static Run link(StandIn wikidata, StandIn dblp, Path links, String... more) {
        List<String> args = new ArrayList<>(
                List.of("link", "--wikidata", wikidata.url(), "--dblp", dblp.url(), "-o", links.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    /** {@code export --no-ontology} of {@code survey} (with the links next to it, if any) into {@code out}. */
    static Graph export(Path survey, Path out) {
        Run export = run("export", "--no-ontology", "-s", survey.toString(), "-o", out.toString());
        assertEquals(Main.OK, export.exit(), export.err());
        return parse(out);
    }

    @Test
    void linksRoundTripThroughExport() throws IOException {
        Path survey = Files.copy(Path.of("data/vlm-survey.md"), dir.resolve("vlm-survey.md"));
        Path links = dir.resolve("links.ttl");
        Graph without = export(survey, dir.resolve("without.ttl"));

        try (StandIn wikidata = new StandIn("wikidata-fixture.ttl", StandIn.NORMAL);
                StandIn dblp = new StandIn("dblp-fixture.ttl", StandIn.NORMAL)) {
            Run link = link(wikidata, dblp, links, "-s", survey.toString(), "--backoff", "10");
            assertEquals(Main.OK, link.exit(), link.err());
            assertTrue(
                    link.out()
                            .contains("wikidata (" + wikidata.url()
                                    + "): 3 of 58 resources linked, 54 not found, 1 ambiguous, "
                                    + "0 not known (failed batches); 0 of 3 batches failed"),
                    link.out());
            assertTrue(link.out().contains("ambiguous, not linked: res:paper/arxiv-2111.07783"), link.out());
            assertTrue(
                    link.out().contains("dblp (" + dblp.url() + "): 3 of 49 resources linked, 46 not found"),
                    link.out());
        }

        // The file is the deterministic writer's output: parsing and writing it again gives the same bytes.
        Graph linkGraph = parse(links);
        assertTrue(linkGraph.size() > 7);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Exporter.write(linkGraph, Exporter.Format.TTL, again);
        assertArrayEquals(Files.readAllBytes(links), again.toByteArray());

        // links.ttl next to the survey is picked up by export: the export gains exactly the links' triples.
        Graph with = export(survey, dir.resolve("with.ttl"));
        Graph added = GraphFactory.createGraphMem();
        with.find().forEachRemaining(t -> {
            if (!without.contains(t)) added.add(t);
        });
        assertTrue(added.isIsomorphicWith(linkGraph));
        assertEquals(without.size() + linkGraph.size(), with.size());
        without.find().forEachRemaining(t -> assertTrue(with.contains(t), t::toString));

        // The query of docs/links.md tells which key and endpoint justify each link.
        String q =
                """
                PREFIX void: <http://rdfs.org/ns/void#>
                PREFIX vlm:  <https://w3id.org/vlm-survey/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?s ?o ?key ?value ?endpoint ?when WHERE {
                  ?ls a void:Linkset ; vlm:linkedResource ?s ; void:linkPredicate ?p ; vlm:matchingKey ?key ;
                      void:objectsTarget ?ds ; prov:wasGeneratedBy/prov:endedAtTime ?when .
                  ?ds void:uriSpace ?space ; void:sparqlEndpoint ?endpoint .
                  ?s ?p ?o ; ?key ?value .
                  FILTER (STRSTARTS(STR(?o), ?space))
                }""";
        java.util.Set<String> why = new java.util.TreeSet<>();
        try (var qe = org.apache.jena.query.QueryExecutionFactory.create(
                q, org.apache.jena.rdf.model.ModelFactory.createModelForGraph(with))) {
            qe.execSelect().forEachRemaining(r -> {
                if (r.getResource("s").getURI().equals(LinkerTest.CLIP))
                    why.add(r.getResource("o").getURI() + " "
                            + r.getResource("key").getLocalName() + " "
                            + r.getLiteral("value").getString());
            });
        }
        assertEquals(
                java.util.Set.of(
                        "http://www.wikidata.org/entity/Q900001 hasArXivId 2103.00020",
                        "http://www.wikidata.org/entity/Q900001 doi 10.48550/arXiv.2103.00020",
                        "https://dblp.org/rec/journals/corr/abs-2103-00020 doi 10.48550/arXiv.2103.00020"),
                why);
    }

    @Test
    void partialResultsAreWrittenAndTheExitCodeSaysSome() throws IOException {
        Path links = dir.resolve("links.ttl");
        try (StandIn wikidata =
                        new StandIn("wikidata-fixture.ttl", StandIn.failFirst(1000, 503, "Service Unavailable"));
                StandIn dblp = new StandIn("dblp-fixture.ttl", StandIn.NORMAL)) {
            Run link = link(wikidata, dblp, links, "--tries", "2", "--backoff", "1");
            assertEquals(Main.IO, link.exit());
            assertTrue(
                    link.out().contains("FAILED: by arXiv id, batch 1 of 1 (48 values) failed after 2 tries: HTTP 503"),
                    link.out());
            assertTrue(link.out().contains("(incomplete: some batches failed)"), link.out());
        }
        assertEquals(
                java.util.Set.of(
                        LinkerTest.CLIP + " dcterms:hasVersion https://dblp.org/rec/journals/corr/abs-2103-00020",
                        LinkerTest.ALIGN + " dcterms:hasVersion https://dblp.org/rec/journals/corr/abs-2102-05918",
                        LinkerTest.OTTER + " dcterms:hasVersion https://dblp.org/rec/conf/iclr/WuZTWKKG22",
                        LinkerTest.OTTER + " dcterms:hasVersion https://dblp.org/rec/journals/corr/abs-2112-09445"),
                LinkerTest.linkTriples(parse(links)));
    }

    @Test
    void nothingIsWrittenWhenNoEndpointAnswers() {
        Path links = dir.resolve("links.ttl");
        try (StandIn dblp = new StandIn("dblp-fixture.ttl", StandIn.failFirst(1000, 500, "down"))) {
            Run link = run("link", "--only", "dblp", "--dblp", dblp.url(), "-o", links.toString(), "--tries", "1");
            assertEquals(Main.IO, link.exit());
            assertTrue(link.err().contains(links + ": not written: no endpoint answered"), link.err());
        }
        assertFalse(Files.exists(links));
    }

    @Test
    void aBrokenLinksFileIsAnErrorWithItsLine() throws IOException {
        Path survey = Files.copy(Path.of("data/vlm-survey.md"), dir.resolve("vlm-survey.md"));
        Files.writeString(
                dir.resolve("links.ttl"), "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<a:b> owl:sameAs .\n");
        Run export = run(
                "export", "-s", survey.toString(), "-o", dir.resolve("out.ttl").toString());
        assertEquals(Main.PROBLEMS, export.exit());
        assertTrue(export.err().contains(dir.resolve("links.ttl") + ":2: error: "), export.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(Main.USAGE, run("link", "--only", "crossref").exit());
        assertEquals(Main.USAGE, run("link", "--batch-size", "0").exit());
        // the options of the one remote client, checked before anything is built or asked
        for (String[] bad : List.of(
                new String[] {"--tries", "0"},
                new String[] {"--backoff", "-1"},
                new String[] {"--metadata", "--delay", "-1"},
                new String[] {"--metadata", "--max-bytes", "0"},
                new String[] {"--metadata", "--batch-size", "0"})) {
            Run r = run(java.util.stream.Stream.concat(java.util.stream.Stream.of("link"), java.util.Arrays.stream(bad))
                    .toArray(String[]::new));
            assertEquals(Main.USAGE, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertTrue(
                    r.err()
                            .contains(
                                    "--batch-size, --tries and --max-bytes must be at least 1, --backoff and --delay not negative"),
                    r.err());
        }
        Run query = run("link", "--metadata", "--dblp-url", "https://dblp.org/search/publ/api?q=x");
        assertEquals(Main.USAGE, query.exit());
        assertTrue(
                query.err()
                        .contains(
                                "'https://dblp.org/search/publ/api?q=x' is not an http(s) URL without query or fragment"),
                query.err());
    }

    static Graph parse(Path p) {
        return RDFParser.source(p).toGraph();
    }
}
