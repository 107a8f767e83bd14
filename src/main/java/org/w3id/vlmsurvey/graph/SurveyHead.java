package org.w3id.vlmsurvey.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the head of a survey README says of the survey itself, for the home page: its title, its authors and its
 * arXiv id, read from the README (its "Citation" BibTeX block first, then its bold title line and first arXiv
 * abstract link), never written into the program. A field the README does not give is null (authors: empty).
 */
public record SurveyHead(String title, List<String> authors, String arxiv) {
    public SurveyHead {
        authors = List.copyOf(authors);
    }

    /** A survey whose README gives nothing of the above. */
    public static final SurveyHead NONE = new SurveyHead(null, List.of(), null);

    /** A BibTeX field on its line: {@code name={value}} or {@code name="value"}, with an optional comma. */
    static final Pattern FIELD = Pattern.compile("(?m)^\\s*(\\w+)\\s*=\\s*[{\"](.*)[}\"]\\s*,?\\s*$");
    /** A line that starts in bold: {@code **Title**}, maybe followed by links. */
    static final Pattern BOLD_LINE = Pattern.compile("(?m)^\\s*\\*\\*([^*\\n]+)\\*\\*");
    /** An arXiv abstract link. */
    static final Pattern ARXIV = Pattern.compile("https?://arxiv\\.org/abs/([0-9]{4}\\.[0-9]{4,5})");

    /** The head of the snapshot's README. */
    public static SurveyHead of(SurveyGraph.Snapshot snapshot) {
        return of(snapshot.text());
    }

    /** The head of a README's text. */
    public static SurveyHead of(String markdown) {
        Map<String, String> fields = citationFields(markdown);
        String title = fields.get("title");
        if (title == null) {
            Matcher bold = BOLD_LINE.matcher(markdown);
            if (bold.find()) title = bold.group(1).strip();
        }
        Matcher arxiv = ARXIV.matcher(markdown);
        String id = arxiv.find() ? arxiv.group(1) : null;
        return new SurveyHead(title == null ? null : title.replaceAll("[{}]", ""), authors(fields.get("author")), id);
    }

    /** The fields of the README's citation block (lower-case names), or none. */
    static Map<String, String> citationFields(String markdown) {
        Map<String, String> fields = new LinkedHashMap<>();
        // the block is found once, for the footer's "Cite this survey" too (SurveyGraph.citation)
        String block = SurveyGraph.citation(markdown).orElse(null);
        if (block == null) return fields;
        Matcher f = FIELD.matcher(block);
        while (f.find())
            fields.putIfAbsent(
                    f.group(1).toLowerCase(java.util.Locale.ROOT), f.group(2).strip());
        return fields;
    }

    /** BibTeX's {@code Last, First and Last, First} as {@code First Last} names. */
    static List<String> authors(String bibtex) {
        List<String> names = new ArrayList<>();
        if (bibtex == null || bibtex.isBlank()) return names;
        for (String a : bibtex.replaceAll("[{}]", "").split("\\s+and\\s+")) {
            String name = a.strip();
            int comma = name.indexOf(',');
            if (comma >= 0)
                name = (name.substring(comma + 1).strip() + " "
                                + name.substring(0, comma).strip())
                        .strip();
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }

    /** The survey's arXiv abstract page, or null. */
    public String arxivUrl() {
        return arxiv == null ? null : "https://arxiv.org/abs/" + arxiv;
    }
}
