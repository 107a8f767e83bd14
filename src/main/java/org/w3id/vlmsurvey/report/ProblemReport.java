package org.w3id.vlmsurvey.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.vlmsurvey.bundle.BuildVersion;
import org.w3id.vlmsurvey.diagnostics.Problem;

/**
 * The problems of a check, written for the reader: as text ({@code FILE:LINE: severity: message}, what
 * {@link Problem#toString()} gives), as GitHub workflow commands, as SARIF 2.1.0 or as JSON. Every format carries the
 * same problems in the same order; the last three name each problem's rule.
 */
public final class ProblemReport {

    /** The formats of {@code check --format}. */
    public enum Format {
        TEXT,
        GITHUB,
        SARIF,
        JSON;
    }

    /** The tool's name in SARIF and in annotation titles. */
    public static final String TOOL = "vlm-survey-kg";

    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://w3id.org/vlm-survey";

    private ProblemReport() {}

    /** The summary line every format but SARIF and JSON ends with: {@code FILE: 1 errors, 4 warnings}. */
    public static String summary(String file, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return file + ": " + errors + " errors, " + (problems.size() - errors) + " warnings";
    }

    /** The report of {@code problems} of {@code file} in {@code format}, each line ending in a line feed. */
    public static String write(Format format, String file, List<Problem> problems) {
        return switch (format) {
            case TEXT -> text(file, problems);
            case GITHUB -> github(file, problems);
            case SARIF -> sarif(problems);
            case JSON -> json(file, problems);
        };
    }

    static String text(String file, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) sb.append(p).append('\n');
        return sb.append(summary(file, problems)).append('\n').toString();
    }

    /**
     * One workflow command per problem, {@code ::error file=F,line=N,title=T::MESSAGE} (GitHub shows it as an
     * annotation on the file's line in the pull request), then the summary line as plain log text. A problem of the
     * whole file (line 0) has no {@code line}.
     */
    static String github(String file, List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) sb.append(annotation(p)).append('\n');
        return sb.append(summary(file, problems)).append('\n').toString();
    }

    /** {@code ::warning file=README.md,line=12,title=vlm-survey-kg venues::venue "X" is ...}. */
    public static String annotation(Problem p) {
        StringBuilder sb = new StringBuilder("::")
                .append(p.isError() ? "error" : "warning")
                .append(" file=")
                .append(escapeProperty(p.file()));
        if (p.line() > 0) sb.append(",line=").append(p.line());
        sb.append(",title=").append(escapeProperty(TOOL + " " + p.rule()));
        return sb.append("::").append(escapeData(p.message())).toString();
    }

    /** A command's message, escaped as GitHub's toolkit does: {@code %}, CR and LF. */
    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value, escaped as GitHub's toolkit does: also {@code :} and {@code ,}. */
    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * A SARIF 2.1.0 log: one run of {@value #TOOL} with every rule of {@link RuleCatalogue} (id, descriptions, help,
     * default level) and one result per problem (rule id and index, level, message, the file and the line as its
     * region; a problem of the whole file has no region).
     */
    static String sarif(List<Problem> problems) {
        List<RuleCatalogue.Rule> rules = RuleCatalogue.all();
        Map<String, Integer> index = new HashMap<>();
        JsonArray ruleArray = new JsonArray();
        for (RuleCatalogue.Rule r : rules) {
            index.put(r.id(), ruleArray.size());
            JsonObject rule = new JsonObject();
            rule.put("id", r.id());
            rule.put("shortDescription", text(r.description()));
            rule.put("fullDescription", text(r.help()));
            rule.put("help", text(r.help()));
            JsonObject config = new JsonObject();
            config.put("level", "warning");
            rule.put("defaultConfiguration", config);
            ruleArray.add(rule);
        }
        JsonArray results = new JsonArray();
        for (Problem p : problems) {
            JsonObject result = new JsonObject();
            result.put("ruleId", p.rule());
            Integer i = index.get(p.rule());
            if (i != null) result.put("ruleIndex", i);
            result.put("level", p.isError() ? "error" : "warning");
            result.put("message", text(p.message()));
            JsonObject physical = new JsonObject();
            JsonObject artifact = new JsonObject();
            artifact.put("uri", uri(p.file()));
            physical.put("artifactLocation", artifact);
            if (p.line() > 0) {
                JsonObject region = new JsonObject();
                region.put("startLine", p.line());
                physical.put("region", region);
            }
            JsonObject location = new JsonObject();
            location.put("physicalLocation", physical);
            JsonArray locations = new JsonArray();
            locations.add(location);
            result.put("locations", locations);
            results.add(result);
        }
        JsonObject driver = new JsonObject();
        driver.put("name", TOOL);
        driver.put("informationUri", INFORMATION_URI);
        String version = BuildVersion.current().version();
        if (version != null) driver.put("version", version);
        driver.put("rules", ruleArray);
        JsonObject tool = new JsonObject();
        tool.put("driver", driver);
        JsonObject run = new JsonObject();
        run.put("tool", tool);
        run.put("results", results);
        JsonArray runs = new JsonArray();
        runs.add(run);
        JsonObject log = new JsonObject();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", runs);
        return JSON.toString(log) + "\n";
    }

    /** A file name as a relative URI reference: forward slashes, characters outside URIs percent-encoded. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        StringBuilder sb = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (sb.length() > 0 || path.startsWith("/")) sb.append('/');
            sb.append(org.apache.jena.atlas.lib.IRILib.encodeUriComponent(segment));
        }
        return path.startsWith("/") ? "file://" + sb : sb.toString();
    }

    private static JsonObject text(String s) {
        JsonObject o = new JsonObject();
        o.put("text", s);
        return o;
    }

    /** {@code {"file": F, "errors": N, "warnings": M, "problems": [{file, line, severity, rule, message}, ...]}}. */
    static String json(String file, List<Problem> problems) {
        JsonArray array = new JsonArray();
        List<Problem> sorted = new ArrayList<>(problems);
        for (Problem p : sorted) {
            JsonObject o = new JsonObject();
            o.put("file", p.file());
            o.put("line", p.line());
            o.put("severity", p.severity().label());
            o.put("rule", p.rule());
            o.put("message", p.message());
            array.add(o);
        }
        long errors = problems.stream().filter(Problem::isError).count();
        JsonObject report = new JsonObject();
        report.put("file", file);
        report.put("errors", errors);
        report.put("warnings", problems.size() - errors);
        report.put("problems", array);
        return JSON.toString(report) + "\n";
    }
}
