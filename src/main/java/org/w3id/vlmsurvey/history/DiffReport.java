package org.w3id.vlmsurvey.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3id.vlmsurvey.history.Diff.Change;
import org.w3id.vlmsurvey.history.Diff.Kind;

/** The change list written for people and programs: an aligned table, TSV, or a Markdown changelog. */
public final class DiffReport {
    /** The TSV header: one change per line. */
    public static final String TSV_HEADER = "change\tclass\tiri\tlabel\tdetail";

    /** The text formats; {@code ttl} (RDF) is written by the exporter from {@link Diff#toRdf}. */
    public enum Format {
        TABLE,
        TSV,
        MD,
        TTL;

        /** The name {@code --format} takes and its help lists. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private DiffReport() {}

    /** {@value #TSV_HEADER}, then one line per change; tabs and line breaks inside values become spaces. */
    public static String tsv(List<Change> changes) {
        StringBuilder sb = new StringBuilder(TSV_HEADER).append('\n');
        for (Change c : changes)
            sb.append(String.join("\t", c.kind().label(), c.cls(), c.iri().getURI(), cell(c.label()), cell(c.detail())))
                    .append('\n');
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replaceAll("[\\t\\r\\n]+", " ");
    }

    /** Columns change, class, label, detail aligned with spaces, then the counts. */
    public static String table(List<Change> changes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"change", "class", "label", "detail"});
        for (Change c : changes) rows.add(new String[] {c.kind().label(), c.cls(), cell(c.label()), cell(c.detail())});
        int[] w = new int[3];
        for (String[] r : rows) for (int i = 0; i < 3; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 3; i++) line.append(r[i]).append(" ".repeat(w[i] - r[i].length() + 2));
            line.append(r[3]);
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        sb.append(Diff.summary(changes)).append('\n');
        return sb.toString();
    }

    /**
     * A changelog to paste into a release note: a heading naming both versions, then the additions, removals and
     * changes (one bullet per resource, its changed fields together), each group under its own heading.
     */
    public static String markdown(List<Change> changes, String older, String newer) {
        StringBuilder sb = new StringBuilder("## Changes from ")
                .append(older)
                .append(" to ")
                .append(newer)
                .append("\n\n");
        sb.append(Diff.summary(changes)).append(".\n");
        for (Kind k : Kind.values()) {
            List<Change> group = changes.stream().filter(c -> c.kind() == k).toList();
            if (group.isEmpty()) continue;
            sb.append("\n### ").append(title(k)).append("\n");
            // grouped by category (a paper: its category in the version it is listed in; categories and datasets
            // each a group of their own), the groups in the order of their first change
            Map<String, Map<String, List<Change>>> byGroup = new LinkedHashMap<>();
            for (Change c : group)
                byGroup.computeIfAbsent(group(c), x -> new LinkedHashMap<>())
                        .computeIfAbsent(c.cls() + " " + c.iri().getURI(), x -> new ArrayList<>())
                        .add(c);
            for (Map.Entry<String, Map<String, List<Change>>> g : byGroup.entrySet()) {
                sb.append("\n#### ").append(md(g.getKey())).append("\n\n");
                items(sb, k, g.getValue());
            }
        }
        return sb.toString();
    }

    /** The group of a change in the Markdown changelog: a paper's category, else its class in plain words. */
    static String group(Change c) {
        return switch (c.cls()) {
            case "Paper" -> {
                String category = c.fields().getOrDefault("category", "");
                yield category.isEmpty() ? "Papers without a category" : category;
            }
            case "MethodCategory" -> "Method categories";
            case "Dataset" -> "Datasets";
            default -> c.cls();
        };
    }

    private static void items(StringBuilder sb, Kind k, Map<String, List<Change>> byResource) {
        {
            for (List<Change> cs : byResource.values()) {
                Change c = cs.get(0);
                sb.append("- ").append(c.cls()).append(' ').append(linked(c));
                List<String> details = new ArrayList<>();
                for (Change d : cs) {
                    if (d.field() != null)
                        details.add(d.field() + " " + md(Change.shown(d.oldValue())) + " → "
                                + md(Change.shown(d.newValue()))
                                + (d.matchedBy() == null || k == Kind.CHANGED
                                        ? ""
                                        : " (matched by " + md(d.matchedBy().label()) + ")"));
                    else d.fields().forEach((f, v) -> details.add(f + " " + md(v)));
                }
                if (!details.isEmpty()) sb.append(": ").append(String.join("; ", details));
                sb.append('\n');
            }
        }
    }

    private static String title(Kind k) {
        return switch (k) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
            case RENAMED -> "Renamed";
            case RELINKED -> "Relinked";
            case CHANGED -> "Changed";
        };
    }

    private static String linked(Change c) {
        String label = md(c.label());
        return c.link() == null ? "**" + label + "**" : "[" + label + "](" + c.link() + ")";
    }

    /** Text safe inside a Markdown list item: the characters Markdown would read as syntax are escaped. */
    static String md(String s) {
        return cell(s).replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }
}
