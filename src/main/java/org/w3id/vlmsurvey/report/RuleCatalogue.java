package org.w3id.vlmsurvey.report;

import java.util.ArrayList;
import java.util.List;
import org.w3id.vlmsurvey.bundle.Bundled;
import org.w3id.vlmsurvey.diagnostics.Problem;
import org.w3id.vlmsurvey.graph.SurveyGraph;

/**
 * Every rule id a problem can carry, with its help text: {@link Problem#SOURCE}, {@link Problem#SHAPES}, then one per
 * check of {@code rules/checks/} (its file name without {@code .rq}; its help is the file's leading comment lines).
 */
public final class RuleCatalogue {

    /**
     * One rule: its stable id, a one-line description and its help text.
     */
    public record Rule(String id, String description, String help) {}

    private static final String CHECKS = "rules/checks/";

    private RuleCatalogue() {}

    /** The rules, in a stable order: source, shapes, then the checks in file-name order. */
    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule(
                Problem.SOURCE,
                "The survey file cannot be read as a survey.",
                "The survey file is missing, empty, not UTF-8 text, nested deeper than the reader allows, or lists no "
                        + "survey tables or entries."));
        rules.add(new Rule(
                Problem.SHAPES,
                "The graph does not conform to the SHACL shapes.",
                "A resource built from the survey violates ontology/vlm-survey-shapes.ttl (a paper with two titles, "
                        + "a dataset without a name, ...); reported at the resource's first source line."));
        for (SurveyGraph.CheckRule check : SurveyGraph.checkRules()) {
            String help = help(Bundled.text(CHECKS + check.file()));
            rules.add(new Rule(check.id(), firstSentence(help), help + " (" + CHECKS + check.file() + ")"));
        }
        return List.copyOf(rules);
    }

    /** The leading comment lines of a check, without the {@code # scope:} declaration, as one paragraph. */
    static String help(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) break;
            String t = line.substring(1).strip();
            if (t.startsWith("scope:") || t.isEmpty()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(t);
        }
        return sb.toString();
    }

    static String firstSentence(String help) {
        int end = help.indexOf(": ");
        int dot = help.indexOf(". ");
        int cut = end < 0 ? dot : dot < 0 ? end : Math.min(end, dot);
        String s = cut < 0 ? help : help.substring(0, cut);
        return s.endsWith(".") ? s : s + ".";
    }
}
