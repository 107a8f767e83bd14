package org.w3id.vlmsurvey.server.web;

/**
 * The server's endpoint paths, written once: the dataset and its SPARQL services. The server mounts them, the
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

    private Endpoints() {}
}
