package org.w3id.vlmsurvey.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;
import org.apache.jena.sparql.function.FunctionBase1;
import org.apache.jena.sparql.function.FunctionBase2;
import org.apache.jena.sparql.function.FunctionRegistry;

/**
 * The SPARQL function library of the mapping: every text rule that more than one mapping rule or check needs
 * (slugs, link identities, numbers, years, empty cells), written once here and called from the {@code .rq} files
 * as {@code vlmfn:NAME(...)} with {@code PREFIX vlmfn: <https://w3id.org/vlm-survey/fn#>}.
 *
 * <p>Each function is a plain static Java method (tested with a table of inputs) and is registered in ARQ's
 * {@link FunctionRegistry} by {@link #register()}. A function that has no answer for its input (an href that is
 * not an arXiv link, a cell that is not a number) returns {@code null} in Java and raises an evaluation error in
 * SPARQL, so {@code BIND (vlmfn:arxivId(?href) AS ?arxiv)} leaves {@code ?arxiv} unbound, like the
 * {@code IF(cond, x, ?none)} idiom of the rules. Patterns are compiled by {@link RegexEngine#makePattern} with the
 * flags SPARQL's {@code REGEX} and {@code REPLACE} would use, so a rule that moved to a function gives the same
 * answer it gave as an inline expression.
 */
public final class MappingFunctions {

    /** The namespace of the functions. */
    public static final String NS = "https://w3id.org/vlm-survey/fn#";

    private MappingFunctions() {}

    private static Pattern re(String pattern) {
        return RegexEngine.makePattern("vlmfn", pattern, null);
    }

    private static Pattern rei(String pattern) {
        return RegexEngine.makePattern("vlmfn", pattern, "i");
    }

    private static String lcase(String s) {
        return XSDFuncOp.strLowerCase(NodeValue.makeString(s)).getString();
    }

    /** The lowercase hexadecimal SHA-1 of the UTF-8 bytes of {@code s}, as SPARQL's {@code SHA1}. */
    static String sha1(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    // ---- names and slugs ----

    private static final Pattern NON_ALNUM_RUN = re("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = re("^-+|-+$");

    /**
     * The IRI path segment of a name: lowercase, every run of other characters than a-z and 0-9 a single "-", no
     * "-" at either end ("Image Classification" -> "image-classification"). A name with no letter or digit at
     * all ("%", "#") gets {@code prefix-} and the first 12 hex digits of its SHA-1, so two such names never share
     * a slug.
     */
    public static String slug(String name, String prefix) {
        String s = EDGE_DASHES
                .matcher(NON_ALNUM_RUN.matcher(lcase(name)).replaceAll("-"))
                .replaceAll("");
        return s.isEmpty() ? prefix + "-" + sha1(name).substring(0, 12) : s;
    }

    private static final Pattern MARKUP_EDGES = re("^[\\s\\[\\]*_]+|[\\s\\[\\]*_]+$");

    /** A title or name without the stray Markdown at its ends (whitespace, brackets, emphasis marks). */
    public static String trimMarkup(String s) {
        return MARKUP_EDGES.matcher(s).replaceAll("");
    }

    // ---- links ----

    private static final Pattern HREF_EDGES = re("^[<\\s]+|[>\\s]+$");
    private static final Pattern ARXIV_TEST = rei(
            "^(https?://)?(www\\.|export\\.)?arxiv\\.org/(abs|pdf)/([a-z-]+(\\.[a-z]{2})?/[0-9]{7}|[0-9]{4}\\.[0-9]{4,5})");
    private static final Pattern ARXIV = rei(
            "^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/([a-z-]+(?:\\.[a-z]{2})?/[0-9]{7}|[0-9]{4}\\.[0-9]{4,5}).*$");
    private static final Pattern DOI_TEST = rei("(doi\\.org/|/doi/(abs/|full/|pdf/)?)10\\.[0-9]{4,9}/[^\\s?#]+");
    private static final Pattern DOI =
            rei("^.*(?:doi\\.org/|/doi/(?:abs/|full/|pdf/)?)(10\\.[0-9]{4,9}/[^\\s?#]+?)(?:\\.pdf)?/?(?:[?#].*)?$");
    private static final Pattern GITHUB_TEST = rei("^(https?://)?(www\\.)?github\\.com/[^/\\s]+/[^/?#\\s]+");
    private static final Pattern GITHUB =
            rei("^(?:https?://)?(?:www\\.)?github\\.com/([^/\\s]+)/([^/?#\\s]+?)(?:\\.git)?(?:[/?#].*)?$");
    private static final Pattern WEB = rei("^https?://[^\\s<>\"{}|\\\\^`]+$");

    /** A link target without the angle brackets and whitespace Markdown allows around it. */
    public static String href(String href) {
        return HREF_EDGES.matcher(href).replaceAll("");
    }

    /** The arXiv id of an arxiv.org/abs or /pdf link, version dropped ("2103.00020", "cs/0112017"); else null. */
    public static String arxivId(String href) {
        String h = href(href);
        return ARXIV_TEST.matcher(h).find() ? ARXIV.matcher(h).replaceAll("$1") : null;
    }

    /** The DOI of a doi.org link or of a publisher's /doi/ page, lowercase, without ".pdf"; else null. */
    public static String doi(String href) {
        String h = href(href);
        return DOI_TEST.matcher(h).find() ? lcase(DOI.matcher(h).replaceAll("$1")) : null;
    }

    /** The "owner/name" of a github.com repository link, as written (case kept), without ".git"; else null. */
    public static String githubRepo(String href) {
        String h = href(href);
        return GITHUB_TEST.matcher(h).find() ? GITHUB.matcher(h).replaceAll("$1/$2") : null;
    }

    private static final Pattern HTTP = re("^http://");
    private static final Pattern WWW = re("^https://www\\.");
    private static final Pattern URL_TAIL = re("(#.*|/+)$");

    /** The URL normalised for identity: lowercase, https, no "www.", no fragment, no trailing slash. */
    public static String normalUrl(String href) {
        String s = lcase(href(href));
        s = HTTP.matcher(s).replaceAll("https://");
        s = WWW.matcher(s).replaceAll("https://");
        return URL_TAIL.matcher(s).replaceAll("");
    }

    /** The link target when it is an absolute http(s) URL that can be an IRI; else null (it stays text). */
    public static String webUrl(String href) {
        String h = href(href);
        return WEB.matcher(h).find() ? h : null;
    }

    /**
     * The identity key of a publication link: "arxiv-ID" ("/" in old ids as "_"), else "doi-" and the DOI encoded
     * for a URI, else "url-" and 16 hex digits of the SHA-1 of the normalised URL.
     */
    public static String linkKey(String href) {
        String arxiv = arxivId(href);
        if (arxiv != null) return "arxiv-" + arxiv.replace("/", "_");
        String doi = doi(href);
        if (doi != null)
            return "doi-" + XSDFuncOp.strEncodeForURI(NodeValue.makeString(doi)).getString();
        return "url-" + sha1(normalUrl(href)).substring(0, 16);
    }

    private static final Pattern PAPER_LABEL = rei("^\\s*paper\\s*$");
    private static final Pattern CODE_LABEL = rei("code");
    private static final Pattern PAGE_LABEL = rei("project|page|website");

    /**
     * What a link's label says it points to: "paper" (the label is "Paper"), "code" (it mentions code), "page"
     * (a project page, homepage or website), else "other".
     */
    public static String linkRole(String label) {
        if (PAPER_LABEL.matcher(label).find()) return "paper";
        if (CODE_LABEL.matcher(label).find()) return "code";
        if (PAGE_LABEL.matcher(label).find()) return "page";
        return "other";
    }

    // ---- cells: empty, numbers, years ----

    private static final Pattern EMPTY = re("^\\s*[-–—]?\\s*$");

    /** Whether a cell says nothing: empty, blank, or a lone dash ("-", "–", "—"). */
    public static boolean emptyCell(String text) {
        return EMPTY.matcher(text).find();
    }

    private static final Pattern SEPARATORS = re("[,\\s]");
    private static final Pattern MAGNITUDE = re("^[0-9]+(\\.[0-9]+)?[KMB]?$");
    private static final Pattern DIGITS = re("^[0-9]+$");

    /**
     * A count written with an optional magnitude: "1.8B" = 1800000000, "0.87M" = 870000, "400K", "5,000"
     * (thousands separators and spaces ignored, suffix in any case, fractions below one truncated); else null.
     */
    public static BigInteger number(String text) {
        String p = SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
        if (!MAGNITUDE.matcher(p).find()) return null;
        char last = p.charAt(p.length() - 1);
        long unit =
                switch (last) {
                    case 'B' -> 1_000_000_000L;
                    case 'M' -> 1_000_000L;
                    case 'K' -> 1_000L;
                    default -> 1L;
                };
        String digits = unit == 1 ? p : p.substring(0, p.length() - 1);
        return new BigDecimal(digits).multiply(BigDecimal.valueOf(unit)).toBigInteger();
    }

    /** A plain count, "1,281,167" (thousands separators and spaces ignored), as its digits; else null. */
    public static String count(String text) {
        String d = SEPARATORS.matcher(text).replaceAll("");
        return DIGITS.matcher(d).find() ? d : null;
    }

    private static final Pattern YEAR = re("^(19|20)[0-9]{2}$");
    private static final Pattern END_YEAR = re("((?:19|20)[0-9]{2})\\s*\\]?\\s*$");

    /** A cell that is a year, "2021" (1900-2099); else null. */
    public static String year(String text) {
        return YEAR.matcher(text).find() ? text : null;
    }

    /** The year a venue label ends with: "CVPR 2022", "[CVPR 2022]", "ICLR'23" gives 2022...; else null. */
    public static String endYear(String text) {
        Matcher m = END_YEAR.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    // ---- curators' checks ----

    private static final Pattern ARXIV_NEW_STYLE = re("^([0-9]{2})(0[1-9]|1[0-2])\\.[0-9]{4,5}$");

    /** The year an arXiv id of the 2007 scheme was submitted: "2303.15343" -> "2023"; else null. */
    public static String arxivYear(String id) {
        Matcher m = ARXIV_NEW_STYLE.matcher(id);
        return m.find() ? "20" + m.group(1) : null;
    }

    private static final Pattern REPOSITORY = rei("^https?://(?:www\\.)?(github\\.com|gitlab\\.com|bitbucket\\.org"
            + "|gitee\\.com|codeberg\\.org|huggingface\\.co|sourceforge\\.net/projects)/([^/?#\\s]+(?:/[^/?#\\s]+)?)");

    /**
     * The repository a code link points to, as {@code host/path}: a link to a code-hosting site (GitHub, GitLab,
     * Bitbucket, Gitee, Codeberg, Hugging Face, SourceForge) with an owner and a name ("https://github.com/openai/CLIP"
     * -> "github.com/openai/CLIP"; a SourceForge project needs only its name); else null (a project page, a blog).
     */
    public static String repository(String href) {
        Matcher m = REPOSITORY.matcher(href.strip());
        if (!m.find()) return null;
        String host = m.group(1).toLowerCase(Locale.ROOT), path = m.group(2);
        boolean named = host.startsWith("sourceforge") || path.contains("/");
        return named ? host + "/" + path.replaceAll("\\.git$", "") : null;
    }

    /** The edit (Levenshtein) distance between two texts, compared without case: "NeurlPS", "NeurIPS" -> 1. */
    public static int editDistance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT), y = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[y.length() + 1], cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) prev[j] = j;
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++)
                cur[j] = Math.min(
                        Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }

    // ---- venues and entries ----

    private static final Pattern VENUE_EDGES = re("^[\\s\\[]+|[\\s\\]]+$");
    private static final Pattern VENUE_YEAR = re("[\\s'’]*((19|20)[0-9]{2})?$");
    private static final Pattern WORKSHOP = re("\\s+W$");
    private static final Pattern NOT_ALNUM = re("[^A-Za-z0-9]+");
    private static final Pattern ENTRY_VENUE = re("^\\s*\\[([^\\]]*)\\]");

    /** A venue cell or an entry's venue bracket as a label: "[CVPR 2022] " -> "CVPR 2022". */
    public static String venueLabel(String text) {
        return VENUE_EDGES.matcher(text).replaceAll("");
    }

    /** The acronym of a venue label: the year dropped, "ICLR W" (a workshop) as "ICLRW". */
    public static String venueAcronym(String label) {
        return WORKSHOP.matcher(venueName(label)).replaceAll("W");
    }

    /** A venue label without its year, as written: "ICLR W 2022" -> "ICLR W", "NeurIPS’2022" -> "NeurIPS". */
    public static String venueName(String label) {
        return VENUE_YEAR.matcher(label).replaceAll("");
    }

    /** The key of a venue's IRI: its acronym's letters and digits, lowercase ("NeurIPS" -> "neurips"); else null. */
    public static String venueKey(String acronym) {
        String k = lcase(NOT_ALNUM.matcher(acronym).replaceAll(""));
        return k.isEmpty() ? null : k;
    }

    /** The text of the leading bracket of a bullet entry, "* [CVPR 2022] Title ..." -> "CVPR 2022"; else null. */
    public static String entryVenue(String text) {
        Matcher m = ENTRY_VENUE.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static final Pattern ENTRY_LINKS = re("(\\s*\\[[^\\[\\]]*\\])+\\s*$");
    private static final Pattern ENTRY_EDGES = re("^[\\s*_]+|[\\s*_]+$");

    /**
     * The title (or name) of a list entry: its text without the leading bracket and the trailing bracketed links,
     * "[CVPR 2022] Title [Paper][Code]" -> "Title", "1. SBU Caption [Paper] [Project Page]" (text "SBU Caption
     * [Paper] [Project Page]") -> "SBU Caption"; null when nothing is left.
     */
    public static String entryText(String text) {
        String t = ENTRY_EDGES
                .matcher(ENTRY_LINKS
                        .matcher(ENTRY_VENUE.matcher(text).replaceFirst(""))
                        .replaceAll(""))
                .replaceAll("");
        return t.isEmpty() ? null : t;
    }

    private static final Pattern SHORT_NAME_AT_END = re("^(.*\\S)\\s*\\(([^():]{1,40})\\)$");

    /**
     * The short name an early numbered list writes in parentheses after the title,
     * "Learning Transferable Visual Models From Natural Language Supervision (CLIP)" -> "CLIP"; else null.
     */
    public static String shortNameAtEnd(String title) {
        Matcher m = SHORT_NAME_AT_END.matcher(title);
        return m.find() ? m.group(2).strip() : null;
    }

    /** The title without a short name in parentheses at its end ("... Supervision (CLIP)" -> "... Supervision"); else the title. */
    public static String withoutShortName(String title) {
        Matcher m = SHORT_NAME_AT_END.matcher(title);
        return m.find() ? m.group(1) : title;
    }

    // ---- registration ----

    /** The functions by local name, in the order the README lists them. */
    static final Map<String, org.apache.jena.sparql.function.FunctionFactory> FUNCTIONS = new LinkedHashMap<>();

    private static void fn1(String name, Function<String, NodeValue> f) {
        FUNCTIONS.put(name, uri -> new FunctionBase1() {
            @Override
            public NodeValue exec(NodeValue v) {
                return answer(name, f.apply(string(name, v)));
            }
        });
    }

    private static void fn2(String name, BiFunction<String, String, NodeValue> f) {
        FUNCTIONS.put(name, uri -> new FunctionBase2() {
            @Override
            public NodeValue exec(NodeValue a, NodeValue b) {
                return answer(name, f.apply(string(name, a), string(name, b)));
            }
        });
    }

    private static String string(String name, NodeValue v) {
        if (!v.isString()) throw new ExprEvalException("vlmfn:" + name + ": not a string: " + v);
        return v.getString();
    }

    private static NodeValue answer(String name, NodeValue v) {
        if (v == null) throw new ExprEvalException("vlmfn:" + name + ": no answer");
        return v;
    }

    private static NodeValue str(String s) {
        return s == null ? null : NodeValue.makeString(s);
    }

    private static NodeValue gYear(String y) {
        return y == null ? null : NodeValue.makeNode(y, XSDDatatype.XSDgYear);
    }

    static {
        fn2("slug", (name, prefix) -> str(slug(name, prefix)));
        fn1("trimMarkup", s -> str(trimMarkup(s)));
        fn1("arxivId", s -> str(arxivId(s)));
        fn1("doi", s -> str(doi(s)));
        fn1("githubRepo", s -> str(githubRepo(s)));
        fn1("normalUrl", s -> str(normalUrl(s)));
        fn1("webUrl", s -> str(webUrl(s)));
        fn1("linkKey", s -> str(linkKey(s)));
        fn1("linkRole", s -> str(linkRole(s)));
        fn1("emptyCell", s -> NodeValue.makeBoolean(emptyCell(s)));
        fn1("number", s -> {
            BigInteger n = number(s);
            return n == null ? null : NodeValue.makeInteger(n);
        });
        fn1("count", s -> {
            String d = count(s);
            return d == null ? null : NodeValue.makeNode(d, XSDDatatype.XSDinteger);
        });
        fn1("year", s -> gYear(year(s)));
        fn1("endYear", s -> gYear(endYear(s)));
        fn1("venueLabel", s -> str(venueLabel(s)));
        fn1("venueAcronym", s -> str(venueAcronym(s)));
        fn1("venueKey", s -> str(venueKey(s)));
        fn1("entryVenue", s -> str(entryVenue(s)));
        fn1("entryText", s -> str(entryText(s)));
        fn1("shortNameAtEnd", s -> str(shortNameAtEnd(s)));
        fn1("withoutShortName", s -> str(withoutShortName(s)));
        fn1("venueName", s -> str(venueName(s)));
        fn1("arxivYear", s -> gYear(arxivYear(s)));
        fn1("repository", s -> str(repository(s)));
        fn2("editDistance", (x, y) -> NodeValue.makeInteger(editDistance(x, y)));
    }

    private static boolean registered;

    /** Registers every function in ARQ's global function registry (once; later calls do nothing). */
    public static synchronized void register() {
        if (registered) return;
        FUNCTIONS.forEach((name, factory) -> FunctionRegistry.get().put(NS + name, factory));
        registered = true;
    }
}
