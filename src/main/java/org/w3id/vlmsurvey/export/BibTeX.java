package org.w3id.vlmsurvey.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one BibTeX writer: entries with their fields in a given order, text fields with the LaTeX specials
 * escaped, URL-like fields ({@link #VERBATIM}) kept as they are but for braces and backslashes, and citation keys
 * that are stable and unique across the papers of a graph ({@link #keys}).
 */
public final class BibTeX {
    /** Fields whose value is an identifier or URL, written without LaTeX escaping. */
    public static final Set<String> VERBATIM = Set.of("url", "doi", "eprint", "archiveprefix");

    /** One entry: its type ({@code article}, {@code inproceedings}, {@code misc}, ...), key and fields in order. */
    public record Entry(String type, String key, Map<String, String> fields) {
        public Entry {
            if (!type.matches("[a-z]+")) throw new IllegalArgumentException("not a BibTeX entry type: " + type);
            if (!key.matches("[A-Za-z0-9][A-Za-z0-9:._-]*"))
                throw new IllegalArgumentException("not a citation key: " + key);
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * What a citation key is made of: the paper's identity (its IRI), its first author's family name (null when
     * unknown), its year, title and short name (null when it has none).
     */
    public record KeySource(String id, String firstAuthor, String year, String title, String shortName) {}

    /** Title words a key skips when it takes the title's first word ({@code {firstauthor}{year}{firstword}}). */
    static final Set<String> KEY_STOPWORDS = Set.of("a", "an", "the", "on", "of", "in", "for", "to", "with", "and");

    private BibTeX() {}

    /** The entries, each followed by a blank line. */
    public static String write(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) sb.append(write(e)).append('\n');
        return sb.toString();
    }

    public static String write(Entry e) {
        StringBuilder sb = new StringBuilder("@").append(e.type()).append('{').append(e.key());
        for (var f : e.fields().entrySet()) {
            if (f.getValue() == null || f.getValue().isBlank()) continue;
            String name = f.getKey().toLowerCase(java.util.Locale.ROOT);
            String value = VERBATIM.contains(name)
                    ? verbatim(f.getValue())
                    : name.equals("title") ? title(f.getValue()) : text(f.getValue());
            sb.append(",\n  ").append(f.getKey()).append(" = {").append(value).append('}');
        }
        return sb.append("\n}\n").toString();
    }

    /**
     * Text for a braced field value: the characters LaTeX treats specially are escaped. Data never brings a brace of
     * its own: BibTeX counts every brace, {@code \}} too, so a title {@code ALIGN} @misc(evil, ...)} would close the
     * field and start an entry. Braces are written {@code \textbraceleft{}} and {@code \textbraceright{}} (the only
     * braces in a value are then balanced pairs), and {@code @} as {@code {\char64}}.
     */
    public static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{' -> sb.append("\\textbraceleft{}");
                case '}' -> sb.append("\\textbraceright{}");
                case '@' -> sb.append("{\\char64}");
                case '&', '%', '$', '#', '_' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * A title: {@link #text} with every word whose capitals must stay capitals in braces ({@code {CLIP}: Learning
     * ...}, {@code {CoOp}}, {@code {GroupViT}}), so that styles that lower-case titles keep acronyms and names. A word
     * is protected when it has a capital letter anywhere but at its start. The braces added are balanced pairs
     * around letters and digits only, so the rule of {@link #text} (no brace of the data's own) holds.
     */
    public static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        var m = WORD.matcher(s);
        int last = 0;
        while (m.find()) {
            sb.append(text(s.substring(last, m.start())));
            String w = m.group();
            sb.append(protects(w) ? "{" + w + "}" : w);
            last = m.end();
        }
        return sb.append(text(s.substring(last))).toString();
    }

    /** Whether a word keeps its capitals in braces: a capital letter after its first character. */
    static boolean protects(String word) {
        return word.codePoints().skip(1).anyMatch(Character::isUpperCase);
    }

    /** A URL or identifier for a braced field: unchanged but for braces, backslashes and spaces, percent-encoded. */
    public static String verbatim(String s) {
        return s.strip()
                .replace("\\", "%5C")
                .replace("{", "%7B")
                .replace("}", "%7D")
                .replace(" ", "%20");
    }

    /**
     * Citation keys, unique among {@code sources}, lower-case ASCII letters and digits: {@code
     * {firstauthor}{year}{firstword}} when the first author is known ({@code radford2021learning}), else {@code
     * {shortname}{year}} ({@code clip2021}, {@code taidpt2022}; a paper without a short name: the first word of its
     * title). Sources that would share a key get {@code a}, {@code b}, ... in the order of their ids, so the same
     * graph always gives the same keys. Returns id to key.
     */
    public static Map<String, String> keys(List<KeySource> sources) {
        List<KeySource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(KeySource::id));
        Map<String, Integer> count = new HashMap<>();
        for (KeySource s : sorted) count.merge(base(s), 1, Integer::sum);
        Set<String> used = new HashSet<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (KeySource s : sorted) {
            if (keys.containsKey(s.id())) continue;
            String base = base(s);
            String key = base;
            for (int i = 0; count.get(base) > 1 || used.contains(key); i++) {
                key = base + suffix(i);
                if (!used.contains(key)) break;
            }
            used.add(key);
            keys.put(s.id(), key);
        }
        return keys;
    }

    static String base(KeySource s) {
        String year = s.year() == null ? "" : s.year().replaceAll("[^0-9]", "");
        String author = ascii(s.firstAuthor());
        String name;
        if (!author.isEmpty()) name = author + year + firstWord(s.title());
        else {
            name = ascii(s.shortName());
            if (name.isEmpty()) name = firstWord(s.title());
            name = name + year;
        }
        if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) name = "paper" + name;
        return name.length() > 40 ? name.substring(0, 40) : name;
    }

    /** The first word of a title that is not a {@linkplain #KEY_STOPWORDS stop word}, as key text. */
    static String firstWord(String title) {
        if (title == null) return "";
        var m = WORD.matcher(title);
        while (m.find()) {
            String w = ascii(m.group());
            if (!w.isEmpty() && !KEY_STOPWORDS.contains(w)) return w;
        }
        return "";
    }

    /** Lower-case ASCII letters and digits of {@code s}: accents dropped ({@code Müller} is {@code muller}). */
    static String ascii(String s) {
        if (s == null) return "";
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD);
        return d.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** a, b, ..., z, aa, ab, ... */
    static String suffix(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : suffix(i / 26 - 1) + (char) ('a' + i % 26);
    }
}
