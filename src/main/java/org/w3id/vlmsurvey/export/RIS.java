package org.w3id.vlmsurvey.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one RIS writer (the tagged format of Zotero, EndNote and Mendeley, {@code application/x-research-info-systems}):
 * each record starts with {@code TY  - TYPE} and ends with {@code ER  - }, one {@code TAG  - value} line per field
 * (a tag repeated for each author), lines ended by CR LF. A value is one line: line breaks and tabs become spaces;
 * nothing else in RIS is special.
 */
public final class RIS {
    public static final String MEDIA_TYPE = "application/x-research-info-systems";
    /** The record types written: conference paper, journal article, preprint, generic. */
    public static final Set<String> TYPES = Set.of("CPAPER", "JOUR", "GEN");

    private static final String EOL = "\r\n";

    /** One record: its type and its fields in order ({@code [tag, value]} pairs; a tag may repeat). */
    public record Record(String type, List<Map.Entry<String, String>> fields) {
        public Record {
            if (!TYPES.contains(type)) throw new IllegalArgumentException("not a RIS type written here: " + type);
            for (var f : fields)
                if (!f.getKey().matches("[A-Z][A-Z0-9]"))
                    throw new IllegalArgumentException("not a RIS tag: " + f.getKey());
            fields = List.copyOf(fields);
        }
    }

    private RIS() {}

    /** A builder of a record's fields that leaves out empty values. */
    public static final class Fields {
        private final List<Map.Entry<String, String>> list = new ArrayList<>();

        public Fields add(String tag, String value) {
            if (value != null && !value.isBlank()) list.add(Map.entry(tag, value));
            return this;
        }

        public List<Map.Entry<String, String>> list() {
            return list;
        }
    }

    /** The records, one after the other. */
    public static String write(List<Record> records) {
        StringBuilder sb = new StringBuilder();
        for (Record r : records) sb.append(write(r));
        return sb.toString();
    }

    public static String write(Record r) {
        StringBuilder sb = new StringBuilder();
        line(sb, "TY", r.type());
        for (var f : r.fields()) line(sb, f.getKey(), f.getValue());
        sb.append("ER  - ").append(EOL).append(EOL);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String tag, String value) {
        sb.append(tag).append("  - ").append(value(value)).append(EOL);
    }

    /** A value on one line: CR, LF and tabs become spaces, runs of spaces one space. */
    static String value(String v) {
        return v.replaceAll("[\\r\\n\\t\\u2028\\u2029\\u0085]+", " ")
                .replaceAll(" {2,}", " ")
                .strip();
    }
}
