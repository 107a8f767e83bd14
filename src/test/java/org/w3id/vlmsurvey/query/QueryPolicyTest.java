package org.w3id.vlmsurvey.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The query policy, table-driven: what it runs, what it refuses and why, and the row budget on a real dataset. */
class QueryPolicyTest {
    static final QueryPolicy POLICY = QueryPolicy.defaults();
    static final String TEXT = "PREFIX text: <http://jena.apache.org/text#> ";
    static final String APF = "PREFIX apf: <http://jena.apache.org/ARQ/property#> ";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * { ?s ?p ?o }",
                "SELECT * { ?s (<http://x/p>|^<http://x/q>)* ?o }",
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (STR(?s))",
                "SELECT * { ?s ?p ?o FILTER EXISTS { ?s ?q ?r } }",
                TEXT + "SELECT * { ?s text:query \"prompt\" }",
                TEXT + "SELECT * { ?s text:query (<http://purl.org/dc/terms/title> \"prompt*\" 10) }",
                TEXT
                        + "SELECT * { (?s ?score ?hit) text:query (<http://purl.org/dc/terms/title> \"prompt\" \"highlight:\") }",
                "SELECT * { { SELECT ?s { ?s ?p ?o } } }"
            })
    void runs(String q) {
        assertTrue(POLICY.parse(q).isSelectType());
    }

    static List<Object[]> refused() {
        return List.of(
                new Object[] {"SELECT * { ?s (!<x>|^!<x>){0,6} ?o }", "counted-path syntax"},
                new Object[] {"SELECT * { ?s <http://x/p>{2} ?o }", "counted-path syntax"},
                new Object[] {"SELECT * { LET (?x := 1) }", "ARQ's extended syntax, not SPARQL 1.1"},
                new Object[] {
                    APF + "SELECT * { ?x apf:concat (\"a\" \"b\") }",
                    "property function <http://jena.apache.org/ARQ/property#concat>"
                },
                new Object[] {APF + "SELECT * { ?x apf:strSplit (\"a,b\" \",\") }", "property#strSplit"},
                new Object[] {"SELECT * { ?l <http://jena.apache.org/ARQ/list#member> ?m }", "list#member"},
                new Object[] {APF + "SELECT * { FILTER NOT EXISTS { ?x apf:concat (\"a\" \"b\") } }", "property#concat"
                },
                new Object[] {APF + "SELECT * { { SELECT ?x { ?x apf:concat (\"a\" \"b\") } } }", "property#concat"},
                new Object[] {TEXT + "SELECT * { ?s text:query \"/re/\" }", "regular expressions"},
                new Object[] {TEXT + "SELECT * { ?s text:query ?q }", "as a string literal"},
                new Object[] {
                    TEXT + "SELECT * { ?s text:query (<http://purl.org/dc/terms/title> ?q) }", "as a string literal"
                },
                new Object[] {TEXT + "SELECT * { ?s text:query (\"x\" 10001) }", "at most 10000 hits"},
                new Object[] {TEXT + "SELECT * { ?s text:query (\"x\" ?n) }", "limit as a number"},
                new Object[] {TEXT + "ASK { FILTER EXISTS { ?s text:query \"*x\" } }", "not allowed as first character"
                },
                new Object[] {"SELECT * " + "{ SELECT * ".repeat(200) + "{ ?s ?p ?o }" + " }".repeat(200), "nested"},
                new Object[] {"SELECT * " + "{ SELECT * ".repeat(1000) + "{ ?s ?p ?o }" + " }".repeat(1000), "nested"},
                new Object[] {"SELECT * { " + "OPTIONAL { ?s ?p ?o ".repeat(200) + " }".repeat(200) + " }", "nested"});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void refused(String q, String why) {
        QueryRefused e = assertThrows(QueryRefused.class, () -> POLICY.parse(q));
        assertTrue(e.getMessage().contains(why), e.getMessage());
        assertTrue(e.getMessage().length() < 500, e.getMessage());
    }

    @Test
    void deepExpressionsAreAClientError() {
        String q = "SELECT * { FILTER(" + "(".repeat(20000) + "1" + ")".repeat(20000) + ") }";
        RuntimeException e = assertThrows(RuntimeException.class, () -> POLICY.parse(q));
        assertTrue(e instanceof QueryRefused || e instanceof QueryParseException, e.toString());
    }

    @Test
    void parseErrorIsTheParsersShortMessage() {
        QueryParseException e =
                assertThrows(QueryParseException.class, () -> POLICY.parse("SELECT * { ?s ?p ?o FILTER( }"));
        assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
        assertFalse(e.getMessage().contains("Was expecting"), e.getMessage());
    }

    @Test
    void arqSyntaxIsTheOperatorsChoiceButCountedPathsStayRefused() {
        QueryPolicy arq = new QueryPolicy(true, TextSearchLimits.defaults(), 10);
        assertNotNull(arq.parse("SELECT * { LET (?x := 1) }"));
        assertThrows(QueryRefused.class, () -> arq.parse("SELECT * { ?s <http://x/p>{0,3} ?o }"));
        assertThrows(QueryRefused.class, () -> arq.parse(APF + "SELECT * { ?x apf:concat (\"a\" \"b\") }"));
    }

    /** A dataset of {@code n} triples with the policy (row budget {@code max}) installed in its context. */
    static DatasetGraph dataset(int n, long max) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < n; i++)
            dsg.getDefaultGraph()
                    .add(
                            NodeFactory.createURI("http://x/s" + i),
                            NodeFactory.createURI("http://x/p"),
                            NodeFactory.createLiteralString("o" + i));
        new QueryPolicy(false, TextSearchLimits.defaults(), max).install(dsg.getContext());
        return dsg;
    }

    static long count(DatasetGraph dsg, String q) {
        Query query = QueryGuards.apply(QueryPolicy.of(dsg.getContext()).parse(q));
        try (QueryExec qe = QueryExec.dataset(dsg).query(query).build()) {
            return RowSetOps.count(qe.select());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT ?a ?b (COUNT(*) AS ?n) { ?a ?p ?x . ?b ?q ?y } GROUP BY ?a ?b",
                "SELECT * { ?a ?p ?x . ?b ?q ?y } ORDER BY ?x",
                "SELECT DISTINCT ?a ?b { ?a ?p ?x . ?b ?q ?y }",
                "SELECT (COUNT(DISTINCT *) AS ?n) { ?a ?p ?x . ?b ?q ?y }",
                "SELECT * { { SELECT DISTINCT ?a ?x { ?a ?p ?x } } { SELECT DISTINCT ?b ?y { ?b ?q ?y } } } ORDER BY ?a"
            })
    void rowsHeldInMemoryAreBounded(String q) {
        DatasetGraph dsg = dataset(100, 5_000); // a 10,000-row cross product against a budget of 5,000
        QueryGuards.LimitExceeded e = assertThrows(QueryGuards.LimitExceeded.class, () -> count(dsg, q));
        assertTrue(e.getMessage().contains("more than 5000 rows"), e.getMessage());
    }

    /** What streams (a join ARQ runs row by row, COUNT(*) over everything) holds nothing and is not counted. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * { { ?a ?p ?x } { ?b ?q ?y } }",
                "SELECT * { ?a ?p ?x OPTIONAL { ?b ?q ?y } }",
                "SELECT ?n { { SELECT (COUNT(*) AS ?n) { ?a ?p ?x . ?b ?q ?y } } } "
            })
    void streamingIsNotCounted(String q) {
        DatasetGraph dsg = dataset(100, 5_000);
        assertTrue(count(dsg, q) >= 1);
    }

    @Test
    void theBudgetIsPerQuery() {
        DatasetGraph dsg = dataset(60, 5_000); // 3,600 rows each: under the budget, twice over it together
        String q = "SELECT * { ?a ?p ?x . ?b ?q ?y } ORDER BY ?x ?y";
        assertEquals(3600, count(dsg, q));
        assertEquals(3600, count(dsg, q), "the second query starts from 0");
        assertEquals(60, count(dsg, "SELECT DISTINCT ?a { ?a ?p ?x }"));
    }
}
