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
import org.w3id.vlmsurvey.diagnostics.Spelling;
import org.w3id.vlmsurvey.vocab.SRC;

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
    /** An arXiv id without version: old style ("cs/0112017", "math.GT/0309136") or new ("2103.00020"). */
    private static final String ARXIV_ID = "(?:[a-z-]+(?:\\.[a-z]{2})?/[0-9]{7}|[0-9]{4}\\.[0-9]{4,5})";

    private static final Pattern ARXIV_TEST = rei("^(https?://)?(www\\.|export\\.)?arxiv\\.org/(abs|pdf)/" + ARXIV_ID);
    private static final Pattern ARXIV =
            rei("^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/(" + ARXIV_ID + ").*$");
    private static final Pattern ARXIV_ID_ONLY = rei(ARXIV_ID);
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

    /** Whether {@code id} is an arXiv id as {@link #arxivId} gives them (no version, no URL, nothing around it). */
    public static boolean isArxivId(String id) {
        return id != null && ARXIV_ID_ONLY.matcher(id).matches();
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
    private static final Pattern PAGE_LABEL = rei("project|page|website|demo");

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

    private static final Pattern LEADING_SHORT_NAME = re("^[^\\s:]{1,40}:\\s+(?=\\S)");

    /**
     * The key of a written title: a short name in parentheses at its end ("... Supervision (CLIP)") or before a colon
     * at its start ("CLIP: Learning ...") dropped, then its slug. Two writings of one title, as a numbered list and
     * as a table row, get one key.
     */
    public static String titleKey(String title) {
        String t = withoutShortName(title.strip());
        return slug(LEADING_SHORT_NAME.matcher(t).replaceFirst(""), "t");
    }

    private static final Pattern VLM_WORDS = rei("\\b(vlms?|vision[- ]language(\\s+models?)?)\\b");

    /**
     * The key a News sub-heading is filed by: its slug without the words that name the field itself ("VLM",
     * "Vision-Language", "Vision-Language Model"), so "VLM Pre-training Methods" and "Vision-Language Pre-training
     * Methods" are both "pre-training-methods".
     */
    public static String headingKey(String title) {
        return slug(VLM_WORDS.matcher(title).replaceAll(" "), "h");
    }

    // ---- entries of other lists (src:inline: links as ⟨k|label⟩, bold as ⟪text⟫, line breaks as newlines) ----

    private static final String LO = Pattern.quote(String.valueOf(SRC.INLINE_LINK_OPEN)),
            LS = Pattern.quote(String.valueOf(SRC.INLINE_LINK_SEP)),
            LC = Pattern.quote(String.valueOf(SRC.INLINE_LINK_CLOSE)),
            SO = Pattern.quote(String.valueOf(SRC.INLINE_STRONG_OPEN)),
            SC = Pattern.quote(String.valueOf(SRC.INLINE_STRONG_CLOSE));
    /** Emoji, symbols and list numbering before an entry's first word, link or bold text. */
    private static final Pattern LEAD_SYMBOLS = Pattern.compile("^[^\\p{L}\\p{N}\\[(" + LO + SO + "]+");
    /** A leading bracket that is not a link: a date "[2021.08]" or a venue "[CVPR 2022]". */
    private static final Pattern LEAD_BRACKET = Pattern.compile("^\\[[^\\]\\n" + LO + "]*\\]");

    private static final Pattern LEAD_LINK = Pattern.compile("^" + LO + "([0-9]+)" + LS + "([^" + LC + "]*)" + LC);
    private static final Pattern LEAD_STRONG =
            Pattern.compile("^" + SO + "([^" + SC + "]*)" + SC + "(.*)$", Pattern.DOTALL);
    private static final Pattern ANY_LINK = Pattern.compile(LO + "[0-9]+" + LS + "([^" + LC + "]*)" + LC);
    private static final Pattern STRONG_MARKS = Pattern.compile(SO + "|" + SC);
    private static final Pattern NAME_SEPARATOR = Pattern.compile("^\\s*(?::|：|\\s[-–—])\\s*");
    /** Where a title written as plain text ends: a link, a bracket, a line break, or ", Venue" / ". Venue". */
    private static final Pattern TITLE_END = Pattern.compile("\\s*(?:" + LO + "|\\[|\\n).*$", Pattern.DOTALL);

    private static final Pattern TITLE_EDGES = Pattern.compile("^[\\s*_\"“]+|[\\s*_,.;:(\\[\"”]+$");
    /** A link label that says what the link is rather than naming the paper. */
    private static final Pattern GENERIC_LABEL = Pattern.compile(
            "^(papers?( links?)?|pdf( links?)?|arxiv|abs|html|code|codes|github|git|repo|project|project page|page|website|homepage|demo|"
                    + "link|links|openreview|video|slides?|bib|bibtex|dataset|data|model|models|poster|blog|"
                    + "official|hugging ?face|leaderboard|citation|eval tool|coming soon)$",
            Pattern.CASE_INSENSITIVE);
    /** A label that is an identifier: "2401.00001", "2401.00001v2". */
    private static final Pattern ID_LABEL = Pattern.compile("^[0-9.]+(v[0-9]+)?$");
    /** A venue and year written anywhere on an entry: "CVPR 2023", "NeurIPS'22" is not read, "arXiv 2024". */
    private static final Pattern VENUE_ANYWHERE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])([A-Za-z][A-Za-z&]*(?: [A-Z][A-Za-z&]*)?)\\s?['’]?\\s?((?:19|20)[0-9]{2})(?![0-9]|\\.[0-9]{4})");
    /** A venue after a plain title: "Title, CVPR 2023", "Title (ECCV 2022)". */
    private static final Pattern TRAILING_VENUE =
            Pattern.compile("\\s*(?:,\\s*|\\(\\s*)" + VENUE_ANYWHERE.pattern() + "\\s*\\)?[\\s,.]*$");
    /** Leading links that say what they are ("⟨1|Paper⟩ ⟨2|Code⟩ Title"): a title is read after them. */
    private static final Pattern LEAD_GENERIC_LINKS =
            Pattern.compile("^(?:" + LO + "[0-9]+" + LS + "([^" + LC + "]*)" + LC + "[\\s,;]*)+");

    private static final Pattern YEAR_ANYWHERE = Pattern.compile("(?<![0-9.])((?:19|20)[0-9]{2})(?![0-9]|\\.[0-9]{4})");
    private static final Pattern DATE_YEAR = Pattern.compile("^\\s*((?:19|20)[0-9]{2})(?:[-./][0-9]{1,2}){0,2}\\s*$");

    /** The inline text without its marks: link labels and bold text as plain text. */
    static String plain(String inline) {
        return STRONG_MARKS
                .matcher(ANY_LINK.matcher(inline).replaceAll(m -> Matcher.quoteReplacement(m.group(1))))
                .replaceAll("");
    }

    /** Whether a link label names something (a title) rather than saying what the link is ("Paper", "Code", "CVPR 2023"). */
    public static boolean genericLabel(String label) {
        String l = LEAD_SYMBOLS.matcher(label).replaceAll("").strip();
        return l.isEmpty()
                || GENERIC_LABEL.matcher(l).matches()
                || ID_LABEL.matcher(l).matches()
                || VENUE_ANYWHERE.matcher(l).matches()
                || YEAR_ANYWHERE.matcher(l).matches();
    }

    private static boolean genericLabels(String links) {
        Matcher m = ANY_LINK.matcher(links);
        while (m.find()) if (!genericLabel(m.group(1))) return false;
        return true;
    }

    /** The parts of an entry that give its title: {title, short name, index of the title's link or null, rest}. */
    private record EntryParts(String title, String shortName, String link, String rest) {}

    private static EntryParts parts(String inline) {
        String s = LEAD_SYMBOLS.matcher(inline).replaceAll("");
        s = LEAD_SYMBOLS.matcher(LEAD_BRACKET.matcher(s).replaceFirst("")).replaceAll("");
        Matcher strong = LEAD_STRONG.matcher(s);
        if (strong.find()) {
            String name = strong.group(1), rest = strong.group(2);
            Matcher sep = NAME_SEPARATOR.matcher(rest);
            if (sep.find()) {
                String after = rest.substring(sep.end());
                String title = plainTitle(after);
                if (title != null && !after.startsWith(String.valueOf(SRC.INLINE_LINK_OPEN)))
                    return new EntryParts(title, trimTitle(plain(name)), null, after);
            }
            Matcher link = LEAD_LINK.matcher(name.strip());
            if (link.find() && !genericLabel(link.group(2)))
                return new EntryParts(trimTitle(link.group(2)), null, link.group(1), rest);
            String title = trimTitle(plain(name));
            return title.isEmpty() ? new EntryParts(null, null, null, rest) : new EntryParts(title, null, null, rest);
        }
        Matcher link = LEAD_LINK.matcher(s);
        if (link.find() && !genericLabel(link.group(2))) {
            String after = s.substring(link.end());
            Matcher sep = NAME_SEPARATOR.matcher(after);
            // "[ShortName](url): Title ..." names the paper after the colon
            if (sep.find()
                    && plainTitle(after.substring(sep.end())) != null
                    && link.group(2).length() <= 40)
                return new EntryParts(
                        plainTitle(after.substring(sep.end())), trimTitle(link.group(2)), link.group(1), after);
            return new EntryParts(trimTitle(link.group(2)), null, link.group(1), after);
        }
        Matcher generic = LEAD_GENERIC_LINKS.matcher(s);
        if (generic.find() && genericLabels(generic.group())) s = s.substring(generic.end());
        String title = plainTitle(s);
        int end = title == null ? 0 : s.indexOf(title) + title.length();
        return new EntryParts(title, null, null, s.substring(Math.max(end, 0)));
    }

    private static String plainTitle(String s) {
        String t = trimTitle(plain(TITLE_END.matcher(s).replaceFirst("")));
        t = trimTitle(TRAILING_VENUE.matcher(t).replaceFirst(""));
        return t.isEmpty() ? null : t;
    }

    private static String trimTitle(String s) {
        return TITLE_EDGES.matcher(s.strip()).replaceAll("");
    }

    /**
     * The title of an entry of another list, from its {@code src:inline}: "⟪ShortName⟫: Title ⟨1|CVPR 2023⟩" ->
     * "Title", "⟪Title⟫\nCVPR 2023, ⟨1|Paper⟩" -> "Title", "[2021.08] ⟨1|Title⟩" -> "Title", "⟨1|Title⟩, CVPR 2023"
     * -> "Title", "Title ⟨1|Paper⟩" -> "Title"; null when there is none.
     */
    public static String entryTitle(String inline) {
        return parts(inline).title();
    }

    /**
     * How an entry opens: "bold" (with bold text, "⟪Title⟫" or "⟪Name⟫: Title"), "link" (with a link whose label is
     * its title, after a date or venue bracket if any), else "text".
     */
    public static String entryShape(String inline) {
        String s = LEAD_SYMBOLS.matcher(inline).replaceAll("");
        s = LEAD_SYMBOLS.matcher(LEAD_BRACKET.matcher(s).replaceFirst("")).replaceAll("");
        if (LEAD_STRONG.matcher(s).find()) return "bold";
        return parts(inline).link() != null ? "link" : "text";
    }

    /** The short name written before the title: "⟪CLIP⟫: Learning ..." -> "CLIP"; else null. */
    public static String entryShortName(String inline) {
        return parts(inline).shortName();
    }

    /** The index of the link whose label is the entry's title ("⟨1|Title⟩, CVPR 2023" -> "1"); else null. */
    public static String entryTitleLink(String inline) {
        return parts(inline).link();
    }

    /** The part of the entry that is not its title: where its venue and year are read, with a leading bracket. */
    private static String venueText(String inline) {
        String s = LEAD_SYMBOLS.matcher(inline).replaceAll("");
        Matcher lead = LEAD_BRACKET.matcher(s);
        String bracket = lead.find() ? lead.group() + " " : "";
        return bracket + plain(parts(inline).rest());
    }

    /**
     * The venue and year written anywhere on an entry but in its title: before it ("[CVPR 2023] Title"), after it
     * ("⟨1|Title⟩, CVPR 2023"), in a link's label ("⟨2|CVPR 2023⟩") or on the next line; "CVPR 2023"; else null.
     */
    public static String entryVenueAnywhere(String inline) {
        Matcher m = VENUE_ANYWHERE.matcher(venueText(inline));
        while (m.find())
            if (!genericLabel(m.group(1)) || m.group(1).equalsIgnoreCase("arxiv")) return m.group(1) + " " + m.group(2);
        return null;
    }

    /** The first year written on an entry but in its title ("[2021.08] ⟨1|Title⟩" -> 2021); else null. */
    public static String entryYear(String inline) {
        Matcher m = YEAR_ANYWHERE.matcher(venueText(inline));
        return m.find() ? m.group(1) : null;
    }

    /** The year of a date cell: "2023-05-11", "2021.08", "2023/5", "2021" -> the year; else null. */
    public static String dateYear(String text) {
        Matcher m = DATE_YEAR.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static final Pattern PAPER_HREF = rei(
            "^(https?://)?([a-z0-9-]+\\.)*(arxiv\\.org|openreview\\.net|thecvf\\.com|aclanthology\\.org|aclweb\\.org|"
                    + "neurips\\.cc|nips\\.cc|proceedings\\.mlr\\.press|dl\\.acm\\.org|ieeexplore\\.ieee\\.org|"
                    + "springer\\.com|doi\\.org)(/|$)|\\.pdf([?#].*)?$");

    /**
     * Whether a link goes to a paper: arXiv, OpenReview, CVF, ACL Anthology, NeurIPS / PMLR proceedings, ACM DL,
     * IEEE Xplore, Springer, doi.org, or a PDF.
     */
    public static boolean paperHref(String href) {
        return PAPER_HREF.matcher(href(href)).find();
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
        fn1("headingKey", s -> str(headingKey(s)));
        fn1("titleKey", s -> str(titleKey(s)));
        fn1("venueName", s -> str(venueName(s)));
        fn1("arxivYear", s -> gYear(arxivYear(s)));
        fn1("repository", s -> str(repository(s)));
        fn2("editDistance", (x, y) -> NodeValue.makeInteger(Spelling.editDistance(x, y)));
        fn1("genericLabel", s -> NodeValue.makeBoolean(genericLabel(s)));
        fn1("entryTitle", s -> str(entryTitle(s)));
        fn1("entryShape", s -> str(entryShape(s)));
        fn1("entryShortName", s -> str(entryShortName(s)));
        fn1("entryTitleLink", s -> {
            String k = entryTitleLink(s);
            return k == null ? null : NodeValue.makeInteger(Long.parseLong(k));
        });
        fn1("entryVenueAnywhere", s -> str(entryVenueAnywhere(s)));
        fn1("entryYear", s -> gYear(entryYear(s)));
        fn1("dateYear", s -> gYear(dateYear(s)));
        fn1("paperHref", s -> NodeValue.makeBoolean(paperHref(s)));
    }

    private static boolean registered;

    /** Registers every function in ARQ's global function registry (once; later calls do nothing). */
    public static synchronized void register() {
        if (registered) return;
        FUNCTIONS.forEach((name, factory) -> FunctionRegistry.get().put(NS + name, factory));
        registered = true;
    }
}
