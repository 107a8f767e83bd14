package org.w3id.vlmsurvey.query;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The allow-list matching of {@link ServicePolicy}, one row per case, and where in a query a SERVICE is found. */
class ServicePolicyTest {

    @ParameterizedTest(name = "{0} allows {1}: {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            http://127.0.0.1:4100          | http://127.0.0.1:4100/x                 | true
            http://127.0.0.1:4100          | http://127.0.0.1:4100                   | true
            http://127.0.0.1:4100          | http://127.0.0.1:41001/x                | false
            http://127.0.0.1:4100          | http://127.0.0.1:4100@other-host/x      | false
            http://127.0.0.1:4100          | http://user@127.0.0.1:4100/x            | false
            http://127.0.0.1:4100          | https://127.0.0.1:4100/x                | false
            http://127.0.0.1:4100          | http://127.0.0.1/x                      | false
            http://127.0.0.1:4100          | http://127.0.0.10:4100/x                | false
            https://query.example.net/sparql | https://query.example.net/sparql      | true
            https://query.example.net/sparql | https://query.example.net:443/sparql  | true
            https://query.example.net/sparql | https://QUERY.example.net/sparql      | true
            https://query.example.net/sparql | https://query.example.net/sparql/sub  | true
            https://query.example.net/sparql | https://query.example.net/sparql2     | false
            https://query.example.net/sparql | https://query.example.net/sparql?x=1  | true
            https://query.example.net/sparql | https://query.example.net/            | false
            https://query.example.net/sparql | http://query.example.net/sparql       | false
            https://query.example.net/sparql | https://query.example.net:8443/sparql | false
            https://query.example.net/sparql | https://query.example.net.evil/sparql | false
            https://query.example.net/sparql/ | https://query.example.net/sparql     | true
            example.org                    | http://example.org/sparql               | true
            example.org                    | https://EXAMPLE.org:443/x               | true
            example.org                    | http://example.org:8080/x               | true
            example.org                    | http://example.org.evil.net/sparql      | false
            example.org                    | http://evil.net/example.org             | false
            example.org                    | http://a:b@example.org/                 | false
            example.org                    | ftp://example.org/                      | false
            example.org                    | file:///etc/passwd                      | false
            example.org                    | http://example.org/x#frag               | false
            localhost:3031                 | http://localhost:3031/ds/sparql         | true
            localhost:3031                 | http://localhost:3032/ds/sparql         | false
            localhost:3031                 | http://localhost/ds/sparql              | false
            https://query.example.net/sparql | https://query.example.net/sparql/%2e%2e/admin | false
            https://query.example.net/sparql | https://query.example.net/sparql/%2E%2E/admin | false
            https://query.example.net/sparql | https://query.example.net/sparql/../admin | false
            https://query.example.net/sparql | https://query.example.net/sparql/./sub  | true
            https://query.example.net/sparql | https://query.example.net/sparql/x/../sub | true
            https://query.example.net/sparql | https://query.example.net/sparql/x/%2e%2e/%2e%2e/admin | false
            https://query.example.net/sparql | https://query.example.net/sparql/..%2fadmin | false
            https://query.example.net/sparql | https://query.example.net/sparql/..%5Cadmin | false
            https://query.example.net/sparql | https://query.example.net/%73parql    | true
            https://query.example.net/sparql | https://query.example.net/sparq%6c/sub | true
            example.org                    | http://example.org/%2e%2e/x             | false
            """)
    void matchesExactly(String entry, String endpoint, boolean allowed) {
        assertEquals(allowed, new ServicePolicy(List.of(entry)).allows(endpoint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc", "http://u@h/", "http://h/?q", "", "h/path", "ftp://h"})
    void badEntriesAreUsageErrors(String entry) {
        assertThrows(IllegalArgumentException.class, () -> new ServicePolicy(List.of(entry)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }",
                "SELECT ?s { ?s ?p ?o } ORDER BY (EXISTS { SERVICE <http://x/> { ?s ?p ?o } })",
                "SELECT (COUNT(EXISTS { SERVICE <http://x/> { ?s ?p ?o } }) AS ?n) { ?s ?p ?o }",
                "SELECT ?s (SUM(IF(EXISTS { SERVICE <http://x/> {} }, 1, 0)) AS ?n) { ?s ?p ?o } GROUP BY ?s",
                "SELECT ?s { ?s ?p ?o } GROUP BY ?s HAVING (EXISTS { SERVICE <http://x/> {} })",
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY (EXISTS { SERVICE <http://x/> {} })",
                "SELECT * { ?s ?p ?o FILTER NOT EXISTS { SERVICE <http://x/> {} } }",
                "SELECT * { BIND(EXISTS { SERVICE <http://x/> {} } AS ?b) }",
                "SELECT (EXISTS { SERVICE <http://x/> {} } AS ?b) {}",
                "SELECT * { { SELECT ?s { SERVICE <http://x/> { ?s ?p ?o } } } }",
                "SELECT * { VALUES ?x { 1 } OPTIONAL { SERVICE <http://x/> { ?s ?p ?o } } }",
                "SELECT * { ?s ?p ?o MINUS { SERVICE <http://x/> { ?s ?p ?o } } }",
                "SELECT * { ?s ?p ?o } ORDER BY ?s",
                "ASK { FILTER EXISTS { FILTER EXISTS { SERVICE SILENT <http://x/> {} } } }",
                "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
                "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }"
            })
    void serviceIsFoundAnywhere(String query) {
        ServicePolicy none = ServicePolicy.none();
        var q = QueryFactory.create(query);
        if (query.contains("SERVICE")) {
            var e = assertThrows(ServicePolicy.Refused.class, () -> none.check(q));
            assertTrue(e.getMessage().startsWith("SERVICE "), e.getMessage());
        } else {
            assertDoesNotThrow(() -> none.check(q));
        }
    }
}
