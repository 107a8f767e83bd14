package org.w3id.vlmsurvey.diagnostics;

/** How bad a problem is: an error means some of the source is not in the graph as written. */
public enum Severity {
    ERROR,
    WARNING;

    public static Severity parse(String s) {
        return s != null && s.trim().equalsIgnoreCase("warning") ? WARNING : ERROR;
    }

    public String label() {
        return name().toLowerCase();
    }
}
