package org.w3id.vlmsurvey.linking;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.w3id.vlmsurvey.vocab.VLM;

/** What a {@code link} run found: per endpoint and key, what matched, what did not, and which batches failed. */
public record LinkReport(List<EndpointReport> endpoints) {

    /** One batch of a key that the endpoint did not answer. */
    public record BatchFailure(
            MatchingKey key, int batch, int batches, int values, int status, int tries, String message) {
        @Override
        public String toString() {
            return "batch " + batch + " of " + batches + " (" + values + " values) failed "
                    + RemoteClient.afterTries(tries) + ": " + message;
        }
    }

    /**
     * What one key found: the resources that have it, those matched (with the remote entities), those whose batch
     * failed, and the failed batches out of how many.
     */
    public record KeyReport(
            MatchingKey key,
            SortedSet<Node> asked,
            SortedMap<Node, SortedSet<Node>> matches,
            SortedSet<Node> unanswered,
            List<BatchFailure> failures,
            int batches) {}

    /**
     * What one endpoint found: the per-key reports; the resources linked; the resources not found (every batch that
     * asked for them was answered); the resources not known (a batch asking for them failed); the resources that
     * matched more than one entity where only one is allowed, with the entities.
     */
    public record EndpointReport(
            Endpoint endpoint,
            List<KeyReport> keys,
            SortedSet<Node> linked,
            SortedSet<Node> notFound,
            SortedSet<Node> unknown,
            SortedMap<Node, SortedSet<Node>> ambiguous) {
        public List<BatchFailure> failures() {
            List<BatchFailure> out = new ArrayList<>();
            keys.forEach(k -> out.addAll(k.failures()));
            return out;
        }

        public int batches() {
            return keys.stream().mapToInt(KeyReport::batches).sum();
        }
    }

    public boolean hasFailures() {
        return endpoints.stream().anyMatch(e -> !e.failures().isEmpty());
    }

    /** Whether at least one batch was answered, so that there is something to write. */
    public boolean anyAnswered() {
        return endpoints.stream().anyMatch(e -> e.failures().size() < e.batches());
    }

    public void print(PrintWriter out) {
        PrefixMapping pm = VLM.prefixes();
        for (EndpointReport e : endpoints) {
            int entities = e.linked().size()
                    + e.notFound().size()
                    + e.unknown().size()
                    + e.ambiguous().size();
            out.printf(
                    "%s: %d of %d resources linked, %d not found, %d ambiguous, %d not known (failed batches); "
                            + "%d of %d batches failed%n",
                    e.endpoint(),
                    e.linked().size(),
                    entities,
                    e.notFound().size(),
                    e.ambiguous().size(),
                    e.unknown().size(),
                    e.failures().size(),
                    e.batches());
            for (KeyReport k : e.keys())
                out.printf(
                        "  by %s (%s): %d of %d matched%n",
                        k.key().label,
                        pm.shortForm(k.key().remoteKey.getURI()),
                        k.matches().size(),
                        k.asked().size());
            list(out, "  not found: ", e.notFound(), pm);
            list(out, "  not known (failed batches): ", e.unknown(), pm);
            for (Map.Entry<Node, SortedSet<Node>> a : e.ambiguous().entrySet())
                out.printf(
                        "  ambiguous, not linked: %s matches %s%n",
                        pm.shortForm(a.getKey().getURI()), a.getValue());
            for (BatchFailure f : e.failures()) out.printf("  FAILED: by %s, %s%n", f.key().label, f);
        }
        out.flush();
    }

    private static void list(PrintWriter out, String heading, Set<Node> nodes, PrefixMapping pm) {
        if (nodes.isEmpty()) return;
        out.print(heading);
        out.println(String.join(
                " ", nodes.stream().map(n -> pm.shortForm(n.getURI())).toList()));
    }
}
