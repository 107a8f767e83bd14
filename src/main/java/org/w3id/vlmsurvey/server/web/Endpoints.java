package org.w3id.vlmsurvey.server.web;

/**
 * The server's endpoint paths, written once: the dataset and its SPARQL services, the home page and the editor. The server mounts them, the
 * guards filter them, and the pages link to them, all from these constants.
 */
public final class Endpoints {
    /** The dataset's path: its services hang below it. */
    public static final String DATASET = "/survey";
    /** SPARQL 1.1 query (GET and POST). */
    public static final String SPARQL = DATASET + "/sparql";
    /** Graph Store Protocol, read only (the data dump). */
    public static final String DATA = DATASET + "/data";
    /** SPARQL update: mounted only with a password file. */
    public static final String UPDATE = DATASET + "/update";

    /** The surveys read into the graph (a browse page: also {@code .csv} and {@code .json}). */
    public static final String SURVEYS = "/surveys";

    /** Every version of the survey served ({@code serve --history-git}); {@code /versions/<commit>} one of them. */
    public static final String VERSIONS = "/versions";
    /** What changed from version to version, newest first. */
    public static final String CHANGES = "/changes";
    /** The same as an Atom 1.0 feed. */
    public static final String CHANGES_ATOM = "/changes.atom";
    /** The page parameter that picks the version a reader page shows. */
    public static final String VERSION_PARAMETER = "version";

    /** The page of a version, by its id (the commit). */
    public static String version(String id) {
        return VERSIONS + "/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The home page: what the survey is, its counts and newest papers, and the ways in. */
    public static final String HOME = "/";
    /** The SPARQL query page (the editor); {@code /#query=...} links of old open it from the home page. */
    public static final String EDITOR = "/sparql";

    /** The paths the templates link to, by name: {@code endpoints.sparql}, {@code endpoints.editor}, ... */
    public static java.util.Map<String, String> forTemplates() {
        return java.util.Map.of(
                "sparql",
                SPARQL,
                "data",
                DATA,
                "home",
                HOME,
                "editor",
                EDITOR,
                "changes",
                CHANGES,
                "changesAtom",
                CHANGES_ATOM,
                "versions",
                VERSIONS,
                "surveys",
                SURVEYS,
                "versionParameter",
                VERSION_PARAMETER);
    }

    private Endpoints() {}
}
