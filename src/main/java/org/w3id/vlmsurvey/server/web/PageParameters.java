package org.w3id.vlmsurvey.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3id.vlmsurvey.vocab.VLM;

/**
 * The values a page parameter may take, checked before anything is looked up: a value of the wrong shape is a 400,
 * a well-formed value the survey does not have a 404, each with one short message ({@link Invalid}). A checked
 * value is bound into a parsed page query ({@link PageQuery#bind}), never written into query text.
 */
public final class PageParameters {
    /** The longest value of any page parameter (a category IRI is about 90 characters). */
    public static final int MAX_LENGTH = 200;

    /** A category slug, as in its IRI and its {@code skos:notation}: lower-case words joined by hyphens. */
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    static final String CATEGORY_PREFIX = VLM.RES + "category/";

    private PageParameters() {}

    /** A parameter value that is not one of those it may take: answered with {@link #status()} and the message. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String html;
        private final transient List<Map<String, Object>> nearest;

        Invalid(int status, String message) {
            this(status, message, null, List.of());
        }

        /**
         * As above, answered to a reader with an HTML page ({@code html}) that says the same, and naming the versions
         * nearest to one asked for that the survey does not have ({@link ShownVersion#model}), for a JSON client.
         */
        Invalid(int status, String message, String html, List<Map<String, Object>> nearest) {
            super(message, null, false, false);
            this.status = status;
            this.html = html;
            this.nearest = List.copyOf(nearest);
        }

        public int status() {
            return status;
        }

        /** The HTML page that answers it, or null: the site's error page with the message ({@link ErrorPage}). */
        public String html() {
            return html;
        }

        /** The versions nearest to the one asked for (day, short, id, href), nearest first; empty for other errors. */
        public List<Map<String, Object>> nearest() {
            return nearest;
        }
    }

    static Invalid bad(String message) {
        return new Invalid(HttpServletResponse.SC_BAD_REQUEST, "Bad request: " + message);
    }

    static Invalid notFound(String message) {
        return new Invalid(HttpServletResponse.SC_NOT_FOUND, "Not found: " + message);
    }

    private static String shown(String v) {
        String s = v.length() > 60 ? v.substring(0, 60) + "..." : v;
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 0x20 || c == 0x7f ? '?' : c);
        return "\"" + b + "\"";
    }

    private static String stripped(String name, String given) {
        String g = given.strip();
        if (g.length() > MAX_LENGTH)
            throw bad("the parameter " + name + " has " + g.length() + " characters; at most " + MAX_LENGTH);
        return g;
    }

    /**
     * The slug of a method category named by its slug ({@code x}), its local name ({@code category/x}) or its IRI:
     * 400 if it is none of these shapes, 404 if {@code known} (the survey's slugs) does not hold it.
     */
    public static String categorySlug(String given, Collection<String> known) {
        String g = stripped("category", given);
        String slug = g.startsWith(CATEGORY_PREFIX)
                ? g.substring(CATEGORY_PREFIX.length())
                : g.startsWith("category/") ? g.substring("category/".length()) : g;
        if (!SLUG.matcher(slug).matches())
            throw bad("category " + shown(g)
                    + " is not a method category: give its slug (transfer-with-prompt-tuning), category/SLUG or its IRI "
                    + CATEGORY_PREFIX + "SLUG");
        if (!known.contains(slug)) throw notFound("the survey has no method category " + CATEGORY_PREFIX + slug);
        return slug;
    }

    /** The IRI of the category of a checked slug. */
    public static String categoryIri(String slug) {
        return CATEGORY_PREFIX + slug;
    }

    /** A venue label (acronym) the survey has: 404 if unknown. */
    public static String venue(String given, Collection<String> known) {
        String g = stripped("venue", given);
        if (!known.contains(g)) throw notFound("the survey has no venue " + shown(g));
        return g;
    }

    /** A value that must be one of {@code known} (a task, a metric, a size): 404 if it is not. */
    public static String oneOf(String name, String given, Collection<String> known) {
        String g = stripped(name, given);
        if (!known.contains(g)) throw notFound("the survey has no " + name + " " + shown(g) + "; give one of " + known);
        return g;
    }

    /** A publication year: four digits (400 otherwise), one the survey's papers have (404 otherwise). */
    public static String year(String given, Collection<String> known) {
        String g = stripped("year", given);
        if (!YEAR.matcher(g).matches()) throw bad("year " + shown(g) + " is not a year (four digits)");
        if (!known.contains(g)) throw notFound("the survey has no paper of the year " + g);
        return g;
    }

    /** A survey's key: its IRI below the resource namespace, {@code survey} (the first) or {@code survey/SLUG}. */
    static final Pattern SURVEY = Pattern.compile("survey(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?");

    /**
     * The IRI of a survey named by its key ({@code survey}, {@code survey/awesome-x}) or its IRI: 400 if it is
     * neither shape, 404 if {@code known} (the IRIs of the graph's surveys) does not hold it.
     */
    public static String survey(String given, Collection<String> known) {
        String g = stripped("survey", given);
        String key = g.startsWith(VLM.RES) ? g.substring(VLM.RES.length()) : g;
        if (!SURVEY.matcher(key).matches())
            throw bad("survey " + shown(g) + " is not a survey: give its key (survey, survey/SLUG) or its IRI "
                    + VLM.RES + "survey/SLUG");
        if (!known.contains(VLM.RES + key)) throw notFound("the graph has no survey " + VLM.RES + key);
        return VLM.RES + key;
    }

    /** The key of a survey's IRI (its path below the resource namespace), as {@link #survey} takes it. */
    public static String surveyKey(String iri) {
        return iri.startsWith(VLM.RES) ? iri.substring(VLM.RES.length()) : iri;
    }

    /** A full or abbreviated commit: 7 to 40 hex digits. */
    static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,40}");

    static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** A version asked for: a commit (lower case) or a day; exactly one is set. */
    public record Revision(String commit, java.time.LocalDate day) {
        public String text() {
            return commit != null ? commit : day.toString();
        }
    }

    /**
     * The {@code version} parameter: a commit, full or abbreviated (7 to 40 hex digits), or a day {@code YYYY-MM-DD}
     * (the last version on or before it); 400 for anything else, a day that does not exist included.
     */
    public static Revision version(String given) {
        String g = stripped("version", given);
        if (COMMIT.matcher(g).matches()) return new Revision(g.toLowerCase(java.util.Locale.ROOT), null);
        if (DAY.matcher(g).matches())
            try {
                return new Revision(null, java.time.LocalDate.parse(g));
            } catch (java.time.format.DateTimeParseException e) {
                throw bad("version " + shown(g) + " is not a day of the calendar");
            }
        throw bad("version " + shown(g)
                + " is not a version: give a commit (7 to 40 hex digits, as git abbreviates it) or a day YYYY-MM-DD");
    }

    /**
     * A sort order of a table: one of {@code columns}, with a leading {@code -} for descending (400 otherwise). The
     * checked value picks a comparator; it is never written into a query.
     */
    public static String sort(String given, Collection<String> columns) {
        String g = stripped("sort", given);
        String column = g.startsWith("-") ? g.substring(1) : g;
        if (!columns.contains(column))
            throw bad("sort " + shown(g) + " is not a column to sort by: give one of "
                    + new java.util.TreeSet<>(columns) + ", with a leading - for descending");
        return g;
    }

    /** The "has code" flag: {@code yes} (400 for anything else). */
    public static String code(String given) {
        String g = stripped("code", given);
        if (!g.equals("yes")) throw bad("code " + shown(g) + " is not a filter: give code=yes, or leave it out");
        return g;
    }
}
