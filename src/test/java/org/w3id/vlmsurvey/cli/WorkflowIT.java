package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/github-workflow.yml is valid YAML, and its steps, run as GitHub runs them (bash -eo pipefail, the step's env with
 * its expressions evaluated, RUNNER_TEMP and GITHUB_STEP_SUMMARY set), on a pull request that adds a paper (LiT) and
 * breaks a row (an extra cell on CLIP's row) against its base branch, give the annotations and the summary a maintainer
 * sees. The jar is "downloaded" from a file:// URL of the built jar, the way a release URL is.
 */
class WorkflowIT {

    static final Path WORKFLOW = Path.of("docs/github-workflow.yml");

    record Step(String name, String run, Map<String, String> env, String condition) {}

    @SuppressWarnings("unchecked")
    static List<Step> steps(Map<String, String> expressions) throws IOException {
        Map<Object, Object> yaml = new Yaml().load(Files.readString(WORKFLOW));
        // YAML 1.1 reads the key "on" as true
        Map<String, Object> on = (Map<String, Object>) (yaml.containsKey("on") ? yaml.get("on") : yaml.get(true));
        assertEquals(List.of("README.md"), ((Map<String, Object>) on.get("pull_request")).get("paths"));
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) yaml.get("jobs")).get("survey");
        List<Step> steps = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) job.get("steps")) {
            Map<String, String> env = new LinkedHashMap<>();
            Map<String, Object> declared = (Map<String, Object>) s.getOrDefault("env", Map.of());
            declared.forEach((k, v) -> env.put(k, evaluate(String.valueOf(v), expressions)));
            steps.add(new Step((String) s.get("name"), (String) s.get("run"), env, (String) s.get("if")));
        }
        return steps;
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

    /** {@code ${{ a || b }}}: the first of the named values that is not empty, as GitHub evaluates it. */
    static String evaluate(String value, Map<String, String> expressions) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String result = "";
            for (String name : m.group(1).split("\\|\\|")) {
                String v = expressions.get(name.strip());
                if (v == null) throw new AssertionError("the test does not know the expression " + name);
                if (!v.isEmpty()) {
                    result = v;
                    break;
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(result));
        }
        return m.appendTail(sb).toString();
    }

    static Jar.Run sh(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("step", ".out"), err = Files.createTempFile("step", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        int exit = pb.start().waitFor();
        return new Jar.Run(exit, Files.readString(out), Files.readString(err));
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                "git",
                "-c",
                "user.name=Survey Maintainer",
                "-c",
                "user.email=m@example.org",
                "-c",
                "init.defaultBranch=main",
                "-c",
                "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Jar.Run r = sh(
                dir,
                Map.of("GIT_AUTHOR_DATE", "2025-05-19T10:00:00Z", "GIT_COMMITTER_DATE", "2025-05-19T10:00:00Z"),
                cmd.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return r.out().strip();
    }

    @Test
    void pullRequestGetsAnnotationsAndASummary(@TempDir Path tmp) throws Exception {
        // the survey repository (origin) with its main branch, and the pull request's checkout of it
        Path origin = Files.createDirectories(tmp.resolve("origin"));
        git(origin, "init", "-q");
        Files.copy(Path.of("src/test/resources/workflow/base.md"), origin.resolve("README.md"));
        git(origin, "add", "README.md");
        git(origin, "commit", "-q", "-m", "base");
        String base = git(origin, "rev-parse", "--short=7", "HEAD");
        git(tmp, "clone", "-q", origin.toString(), "pr");
        Path pr = tmp.resolve("pr");
        Files.copy(
                Path.of("src/test/resources/workflow/pr.md"),
                pr.resolve("README.md"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        git(pr, "commit", "-q", "-am", "Add LiT");
        String head = git(pr, "rev-parse", "--short=7", "HEAD");

        Path runnerTemp = Files.createDirectories(tmp.resolve("runner"));
        Path summary = tmp.resolve("summary.md");
        Map<String, String> expressions = Map.of(
                "inputs.jar-url", Jar.jar().toUri().toString(),
                "vars.VLM_SURVEY_KG_JAR_URL", "",
                "vars.VLM_SURVEY_KG_REPOSITORY", "",
                "github.base_ref", "main");
        Map<String, Jar.Run> ran = new LinkedHashMap<>();
        boolean failed = false;
        for (Step step : steps(expressions)) {
            if (step.run() == null) continue; // uses: checkout (done above) and setup-java (this JVM, below)
            if (failed && !"always()".equals(step.condition())) continue;
            Map<String, String> env = new LinkedHashMap<>(step.env());
            env.put("RUNNER_TEMP", runnerTemp.toString());
            env.put("GITHUB_STEP_SUMMARY", summary.toString());
            env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
            Jar.Run r = sh(pr, env, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.run());
            ran.put(step.name(), r);
            failed |= r.exit() != 0;
        }
        assertEquals(
                List.of("Get the vlm-survey-kg jar", "Check the README", "Changes against the base branch"),
                List.copyOf(ran.keySet()));
        assertEquals(
                0,
                ran.get("Get the vlm-survey-kg jar").exit(),
                ran.get("Get the vlm-survey-kg jar").err());

        Jar.Run check = ran.get("Check the README");
        assertEquals(1, check.exit(), "the broken row fails the check");
        assertEquals(
                "::error file=README.md,line=26,title=vlm-survey-kg row-cells::row has 4 cells but the table has 3 columns:"
                        + " the extra cells are not in the graph: |[CLIP: Learning Transferable Visual Models From Natural"
                        + " Language Supervision](https://arxiv.org/pdf/2103.00020.pdf)|ICML 2021|[Code](https://github.com/openai/CLIP)|100%25|\n"
                        + "README.md: 1 errors, 0 warnings\n",
                check.out());

        Jar.Run diff = ran.get("Changes against the base branch");
        assertEquals(1, diff.exit(), "diff reports the new version's error too");
        assertEquals(
                "## Changes from `README.md@" + base + "` (2025-05-19) to `README.md@" + head + "` (2025-05-19)\n\n"
                        + "1 added, 0 removed, 0 changed (0 fields).\n\n"
                        + "### Added\n\n"
                        + "#### Contrastive Pre-training\n\n"
                        + "- Paper [LiT: Zero-Shot Transfer with Locked-image text Tuning](https://arxiv.org/abs/2111.07991):"
                        + " venue CVPR; year 2022; code google-research/vision\\_transformer; category Contrastive Pre-training\n",
                Files.readString(summary, StandardCharsets.UTF_8));
    }
}
