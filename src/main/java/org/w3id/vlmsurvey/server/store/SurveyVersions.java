package org.w3id.vlmsurvey.server.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.w3id.vlmsurvey.graph.Surveys;
import org.w3id.vlmsurvey.history.Histories;
import org.w3id.vlmsurvey.history.History;
import org.w3id.vlmsurvey.history.Nearest;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The versions of a served history ({@code serve --history-git DIR} or {@code --history FILE.trig}), read from the
 * history's description of them ({@code vlm:SurveyVersion}, {@code dcterms:date}, {@code vlm:commit},
 * {@code prov:wasRevisionOf}, the counts), oldest first along the {@code prov:wasRevisionOf} chain, and each one's
 * data graph. Looks a version up by a commit (full or a prefix of at least {@value #MIN_PREFIX} hex digits) or by a
 * day (the last version on or before it).
 * <p>
 * Of the histories of several surveys ({@link Histories}), the versions are the first survey's (those of a later
 * survey are in the dataset, as named graphs, but are not looked up), and the survey served is the newest version of
 * each survey, merged ({@link #newest()}).
 */
public final class SurveyVersions {
    /** The shortest commit prefix looked up (as {@code git} abbreviates). */
    public static final int MIN_PREFIX = 7;

    /**
     * One version: its position (0 = oldest), IRI (also its graph's name), id (the commit, or the dated copy's name),
     * commit (null for a dated copy), time, and the counts the history recorded.
     */
    public record Version(int index, Node iri, String id, String commit, Instant time, long papers, long datasets) {
        /** The id as shown: the commit's first 7 hex digits, or the copy's name. */
        public String shortId() {
            return commit != null && commit.length() > MIN_PREFIX ? commit.substring(0, MIN_PREFIX) : id;
        }

        /** The day of the version (UTC), {@code YYYY-MM-DD}. */
        public String day() {
            return time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
    }

    private final DatasetGraph history;
    private final List<Version> versions;
    private final Map<String, Integer> perSurvey;

    private SurveyVersions(DatasetGraph history, List<Version> versions, Map<String, Integer> perSurvey) {
        this.history = history;
        this.versions = List.copyOf(versions);
        this.perSurvey = java.util.Collections.unmodifiableMap(perSurvey);
    }

    /** The versions described by {@code history}'s default graph; null when it describes none. */
    public static SurveyVersions of(DatasetGraph history) {
        Graph g = history.getDefaultGraph();
        // of several surveys' histories, the versions of the first: the ones ?version= and the changes pages name
        Map<String, Integer> perSurvey = new TreeMap<>(
                Comparator.comparing((String iri) -> !iri.equals(Surveys.FIRST)).thenComparing(iri -> iri));
        List<Node> ordered = new ArrayList<>();
        for (Node v : History.order(g)) {
            String of = surveyOf(g, v);
            perSurvey.merge(of, 1, Integer::sum);
            if (of.equals(Surveys.FIRST)) ordered.add(v);
        }
        if (ordered.isEmpty()) return null;
        List<Version> versions = new ArrayList<>();
        for (Node v : ordered) {
            Node commit = History.value(g, v, VLM.commit.asNode());
            String local = v.getURI().startsWith(VLM.VERSION)
                    ? java.net.URLDecoder.decode(
                            v.getURI().substring(VLM.VERSION.length()), java.nio.charset.StandardCharsets.UTF_8)
                    : v.getURI();
            versions.add(new Version(
                    versions.size(),
                    v,
                    commit != null ? commit.getLiteralLexicalForm() : local,
                    commit != null ? commit.getLiteralLexicalForm().toLowerCase(Locale.ROOT) : null,
                    History.time(g, v),
                    number(g, v, VLM.numberOfPapers.asNode()),
                    number(g, v, VLM.numberOfDatasets.asNode())));
        }
        return new SurveyVersions(history, versions, new LinkedHashMap<>(perSurvey));
    }

    /** The survey (IRI) a version is of: its {@code dcterms:isVersionOf}, the first survey when it states none. */
    private static String surveyOf(Graph g, Node v) {
        Node of = History.value(g, v, DCTerms.isVersionOf.asNode());
        return of != null && of.isURI() ? of.getURI() : Surveys.FIRST;
    }

    /**
     * How many versions the history has of each survey (by IRI, the first survey first, then by IRI): one entry for
     * the history of one survey, one per survey for several ({@link #all()} is the first's only).
     */
    public Map<String, Integer> perSurvey() {
        return perSurvey;
    }

    private static long number(Graph g, Node v, Node p) {
        Node n = History.value(g, v, p);
        try {
            return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Every version, oldest first. */
    public List<Version> all() {
        return versions;
    }

    /** The newest version: the survey as served. */
    public Version latest() {
        return versions.get(versions.size() - 1);
    }

    /** The version before {@code v}, if any. */
    public Optional<Version> previous(Version v) {
        return v.index() == 0 ? Optional.empty() : Optional.of(versions.get(v.index() - 1));
    }

    /** The version after {@code v}, if any. */
    public Optional<Version> next(Version v) {
        return v.index() + 1 >= versions.size() ? Optional.empty() : Optional.of(versions.get(v.index() + 1));
    }

    /**
     * The survey as served: the newest version, or, for the histories of several surveys, the newest version of each
     * merged ({@link Histories#NEWEST}).
     */
    public Graph newest() {
        return merged() ? history.getGraph(Histories.NEWEST) : data(latest());
    }

    /** Whether this is the history of several surveys, whose newest versions are merged ({@link #newest()}). */
    public boolean merged() {
        return history.containsGraph(Histories.NEWEST);
    }

    /** The data graph of a version (the history's named graph of its IRI). */
    public Graph data(Version v) {
        return history.getGraph(v.iri());
    }

    /** The history's default graph: the versions described, and when each resource was first and last listed. */
    public Graph description() {
        return history.getDefaultGraph();
    }

    /** The history as given: the versions' graphs by IRI, and their description. */
    public DatasetGraph history() {
        return history;
    }

    /**
     * The version whose commit starts with {@code hex} (lower-case hex digits, at least {@value #MIN_PREFIX}) or whose
     * id is {@code hex}: empty if none, or if the prefix is shared by two versions.
     */
    public Optional<Version> byCommit(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        List<Version> found = versions.stream()
                .filter(v ->
                        v.id().equals(hex) || (v.commit() != null && v.commit().startsWith(h)))
                .toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** The last version made on or before {@code day} (UTC); empty if the first version is later. */
    public Optional<Version> onOrBefore(LocalDate day) {
        Version found = null;
        for (Version v : versions)
            if (!v.time().atOffset(ZoneOffset.UTC).toLocalDate().isAfter(day)) found = v;
        return Optional.ofNullable(found);
    }

    /**
     * At most {@code n} versions nearest to a revision that was not found, nearest first ({@link Nearest}): for a day,
     * by days apart; for a commit, by the edit distance between it and the commit's prefix of its length, then newest
     * first.
     */
    public List<Version> nearest(String revision, LocalDate day, int n) {
        return Nearest.of(versions, revision, day, v -> v.commit() != null ? v.commit() : v.id(), Version::time, n);
    }
}
