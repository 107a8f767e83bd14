package org.w3id.vlmsurvey.server.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;

/**
 * The answer of a page's SELECT query as a page, a CSV file and a JSON file all show it: its columns, and one
 * map per row from column to value. A value is the IRI or lexical form as a {@link String}, a number as a
 * {@link Long} or {@link BigDecimal}; an unbound column is absent from its row.
 */
public record Table(List<String> columns, List<Map<String, Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    static Table of(RowSet rs) {
        List<String> columns =
                rs.getResultVars().stream().map(v -> v.getVarName()).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.hasNext()) {
            Binding b = rs.next();
            Map<String, Object> row = new LinkedHashMap<>();
            for (String c : columns) {
                Node n = b.get(c);
                if (n != null) row.put(c, value(n));
            }
            rows.add(Collections.unmodifiableMap(row));
        }
        return new Table(columns, rows);
    }

    /** The value of an RDF term: numbers of the XSD numeric types as numbers, anything else as its text. */
    static Object value(Node n) {
        if (n.isURI()) return n.getURI();
        if (!n.isLiteral()) return n.toString();
        String lex = n.getLiteralLexicalForm();
        if (n.getLiteralDatatype() instanceof XSDDatatype dt && dt.isValid(lex)) {
            Object v = n.getLiteralValue();
            if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
                return ((Number) v).longValue();
            if (v instanceof BigInteger i) return i.bitLength() < 64 ? (Object) i.longValue() : new BigDecimal(i);
            if (v instanceof BigDecimal d) return d;
            if (v instanceof Double || v instanceof Float) return new BigDecimal(v.toString());
        }
        return lex;
    }

    /** The first row, or null. */
    public Map<String, Object> first() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * RFC 4180 CSV: a header of the column names, then one line per row; an unbound value is an empty field. Text
     * that a spreadsheet would run as a formula ({@link #cell}) is prefixed with {@code '}.
     */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        line(sb, columns);
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (String c : columns) values.add(row.getOrDefault(c, ""));
            line(sb, values);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            Object o = values.get(i);
            String v = o instanceof BigDecimal d
                    ? d.toPlainString()
                    : o instanceof Long ? o.toString() : cell(o.toString());
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            else sb.append(v);
        }
        sb.append("\r\n");
    }

    /**
     * A text cell as a spreadsheet may open it (OWASP "CSV injection"): text starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return is prefixed with {@code '}, so it is shown, never run as a
     * formula. Numbers are written as numbers, not through this.
     */
    public static String cell(String text) {
        if (text.isEmpty()) return text;
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    /** A JSON array of one object per row, numbers as JSON numbers, unbound columns left out. */
    public JsonArray json() {
        JsonArray a = new JsonArray();
        for (Map<String, Object> row : rows) {
            JsonObject o = new JsonObject();
            for (var e : row.entrySet()) {
                if (e.getValue() instanceof Long l) o.put(e.getKey(), l);
                else if (e.getValue() instanceof BigDecimal d)
                    o.put(e.getKey(), org.apache.jena.atlas.json.JsonNumber.value(d));
                else o.put(e.getKey(), e.getValue().toString());
            }
            a.add(o);
        }
        return a;
    }
}
