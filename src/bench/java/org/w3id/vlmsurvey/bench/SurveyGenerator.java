package org.w3id.vlmsurvey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic survey README of the real survey's shape, for benchmarks and tests: a pre-training
 * dataset table, evaluation dataset tables under task headings, and paper tables and bullet entries under
 * method headings nested from level 2 to 5, with the irregular rows the real survey has (a row without its
 * closing pipe, a lowercase {@code [code]} link, a stray {@code ]}, "ICLR W 2022", "Non-Public", extra spaces).
 * <p>
 * The same seed and size give the same bytes. {@link Counts} says what was written, so a test can check that
 * every entry reached the graph: {@code entries} = table rows + bullet entries, and the number of distinct
 * papers and datasets they describe.
 */
public final class SurveyGenerator {

    /** What a generated survey holds. */
    public record Counts(
            int entries,
            int paperRows,
            int bulletEntries,
            int datasetRows,
            int papers,
            int datasets,
            int sections,
            long lines) {}

    private static final String[] VENUES = {
        "CVPR", "ICCV", "ECCV", "NeurIPS", "ICLR", "ICML", "AAAI", "arXiv", "arXiv", "IJCV", "TPAMI", "TCSVT", "EMNLP",
        "ACL", "WACV", "BMVC"
    };
    private static final String[] WORDS = {
        "Contrastive",
        "Vision-Language",
        "Pre-training",
        "Prompt",
        "Learning",
        "Zero-Shot",
        "Transfer",
        "Image-Text",
        "Alignment",
        "Open-Vocabulary",
        "Detection",
        "Segmentation",
        "Adapter",
        "Distillation",
        "Multilingual",
        "Efficient",
        "Scaling",
        "Grounded",
        "Retrieval",
        "Tuning",
        "Captioning",
        "Robust",
        "Hierarchical",
        "Fine-grained",
        "Knowledge",
        "Noisy",
        "Supervision",
        "Representation",
        "Models",
        "Language",
        "Visual",
        "Recognition",
        "Généralisation",
        "Zérø-shot",
        "多模态"
    };
    private static final String[] LANGUAGES = {
        "English", "English", "English", "Chinese", "Korean", "108 Languages", "Over 100 Languages", "English, German"
    };
    private static final String[] METRICS = {
        "Accuracy",
        "Mean Per Class",
        "11-point mAP",
        "Recall",
        "Box mAP",
        "mIoU",
        "ROC AUC",
        "Mean (top1, top5)",
        "mWAP, mSAP"
    };
    private static final String[] UNITS = {"K", "M", "M", "B"};

    private final int entries;
    private final Random random;
    private final Appendable out;
    private long lines;
    private int sectionCount;
    private int paperRows, bulletEntries, datasetRows, papers, datasets;
    private int paperSerial, datasetSerial;

    private SurveyGenerator(int entries, long seed, Appendable out) {
        if (entries < 1) throw new IllegalArgumentException("entries must be at least 1: " + entries);
        this.entries = entries;
        this.random = new Random(seed);
        this.out = out;
    }

    /** Writes a survey of {@code entries} table rows and bullet entries to {@code out}. */
    public static Counts write(int entries, long seed, Appendable out) {
        try {
            return new SurveyGenerator(entries, seed, out).generate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A survey as a string (for tests; large surveys should be written to a file). */
    public static String text(int entries, long seed) {
        StringBuilder sb = new StringBuilder();
        write(entries, seed, sb);
        return sb.toString();
    }

    private Counts generate() throws IOException {
        int pretraining = Math.max(1, entries * 3 / 100);
        int evaluation = Math.max(1, entries * 7 / 100);
        int paperEntries = entries - pretraining - evaluation;
        if (paperEntries < 1) {
            paperEntries = 1;
            evaluation = Math.max(0, entries - pretraining - 1);
        }
        if (pretraining + evaluation + paperEntries > entries)
            pretraining = Math.max(0, entries - evaluation - paperEntries);

        line("## Synthetic Vision-Language Survey (" + entries + " entries)");
        line("This survey is generated for benchmarks: every title, venue and link is made up.");
        line("");
        line("## Datasets");
        line("");
        if (pretraining > 0) {
            heading(3, "Datasets for VLM Pre-training");
            pretrainingTable(pretraining);
        }
        if (evaluation > 0) {
            heading(3, "Datasets for VLM Evaluation");
            int tasks = 0;
            for (int left = evaluation; left > 0; ) {
                int n = Math.min(left, 10 + random.nextInt(50));
                heading(4, "Synthetic Task " + (++tasks));
                evaluationTable(n);
                left -= n;
            }
        }
        methods(paperEntries);
        return new Counts(
                paperRows + bulletEntries + datasetRows,
                paperRows,
                bulletEntries,
                datasetRows,
                papers,
                datasets,
                sectionCount,
                lines);
    }

    /** Method headings nested from level 2 to 5; each leaf holds a paper table or bullet entries. */
    private void methods(int total) throws IOException {
        int families = 0, level = 2;
        heading(2, "Synthetic Family " + (++families) + " Methods");
        int left = total;
        while (left > 0) {
            // the next heading: deeper by one, the same level, or back up, never deeper than 5
            int next = level < 5 && random.nextInt(3) == 0 ? level + 1 : 3 + random.nextInt(Math.max(1, level - 2));
            if (random.nextInt(40) == 0) {
                heading(2, "Synthetic Family " + (++families) + " Methods");
                next = 3;
            }
            level = Math.min(next, 5);
            heading(level, "Transfer with " + word() + " " + word() + " " + (sectionCount + 1));
            if (random.nextInt(10) == 0) continue; // an empty category, like the real survey's
            int n = Math.min(left, 5 + random.nextInt(60));
            if (random.nextInt(4) == 0) bullets(n);
            else paperTable(n);
            left -= n;
        }
    }

    private void paperTable(int n) throws IOException {
        line(
                "| Paper                                             |  Published in | Code/Project |                                  ");
        line("|---------------------------------------------------|:-------------:|:------------:|");
        for (int i = 0; i < n; i++) {
            Paper p = paper();
            String title = "[" + p.title + "](" + p.url + ")";
            String code = p.code == null
                    ? (random.nextInt(20) == 0 ? "Non-Public" : "-")
                    : "[" + (random.nextInt(25) == 0 ? "code" : random.nextInt(15) == 0 ? "Project" : "Code") + "]("
                            + p.code + ")";
            String row;
            switch (random.nextInt(60)) {
                case 0 -> row = "|" + title + "|" + p.venue + "|" + code; // no closing pipe
                case 1 -> row = "|" + title + "]|" + p.venue + "|" + code + "|"; // stray ]
                case 2 -> row = "|   " + title + "  |  " + p.venue + "   |  " + code + "  |"; // extra spaces
                default -> row = "|" + title + "|" + p.venue + "|" + code + "|";
            }
            line(row);
            paperRows++;
        }
        line("");
    }

    private void bullets(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Paper p = paper();
            String links = "[[Paper](" + p.url + ")]";
            if (p.code != null) links += "[[" + (random.nextInt(25) == 0 ? "code" : "Code") + "](" + p.code + ")]";
            String sep = random.nextInt(30) == 0 ? "  " : " ";
            line("* [" + p.venue + "]" + sep + p.title + sep + links);
            bulletEntries++;
        }
        line("");
    }

    private record Paper(String title, String url, String venue, String code) {}

    private Paper paper() {
        int i = paperSerial++;
        papers++;
        String arxiv = arxivId(20, i);
        String url =
                random.nextBoolean() ? "https://arxiv.org/abs/" + arxiv : "https://arxiv.org/pdf/" + arxiv + ".pdf";
        String title = "SynVLM" + i + ": " + word() + " " + word() + " " + word() + " for " + word() + " " + word();
        int year = 2015 + random.nextInt(9);
        String venue = random.nextInt(50) == 0 ? "ICLR W " + year : VENUES[random.nextInt(VENUES.length)] + " " + year;
        String code = random.nextInt(3) == 0 ? null : "https://github.com/synth-lab-" + (i % 97) + "/vlm-" + i;
        return new Paper(title, url, venue, code);
    }

    private void pretrainingTable(int n) throws IOException {
        line(
                "| Dataset                                             |  Year  |     Num of Image-Text Paris     |     Language     | Project |                                  ");
        line(
                "|-----------------------------------------------------|:------:|:-------------------------------:|:----------------:|:------------:|");
        for (int i = 0; i < n; i++) {
            String name = datasetName("Caption");
            String pub = "https://arxiv.org/pdf/" + arxivId(16, datasetSerial) + "v" + (1 + random.nextInt(3)) + ".pdf";
            String pairs = (1 + random.nextInt(999))
                    + (random.nextBoolean() ? "" : "." + random.nextInt(10))
                    + UNITS[random.nextInt(UNITS.length)];
            String project = random.nextInt(4) == 0
                    ? "-"
                    : "[Project](https://synthetic-data.example.org/" + datasetSerial + "/)";
            line("|[" + name + "](" + pub + ")|" + (2010 + random.nextInt(14)) + "|" + pairs + "|"
                    + LANGUAGES[random.nextInt(LANGUAGES.length)] + "|" + project + "|");
            datasetRows++;
        }
        line("");
    }

    private void evaluationTable(int n) throws IOException {
        line(
                "| Dataset                                             |  Year  | Classes | Training | Testing |Evaluation Metric| Project|                                  ");
        line(
                "|-----------------------------------------------------|:------:|:-------:|:--------:|:-------:|:------:|:-----------:|");
        for (int i = 0; i < n; i++) {
            String name = datasetName("Bench");
            String testing =
                    random.nextInt(8) == 0 ? "-" : String.format(Locale.ROOT, "%,d", 100 + random.nextInt(50_000));
            String row = "|" + name + "|" + (1998 + random.nextInt(26)) + "|" + (2 + random.nextInt(1200)) + "|"
                    + String.format(Locale.ROOT, "%,d", 500 + random.nextInt(1_300_000)) + "|" + testing + "|"
                    + METRICS[random.nextInt(METRICS.length)] + "|[Project](https://synthetic-data.example.org/"
                    + datasetSerial + "/)";
            line(random.nextInt(30) == 0 ? row : row + "|"); // the real survey drops the closing pipe too
            datasetRows++;
        }
        line("");
    }

    private String datasetName(String kind) {
        datasets++;
        return "Syn" + kind + "-" + (datasetSerial++);
    }

    /** A unique new-style arXiv id: year {@code yy} or the years after it, 12 months each, 100000 numbers a month. */
    private static String arxivId(int yy, int serial) {
        int month = serial % 48, number = serial / 48;
        return String.format(Locale.ROOT, "%02d%02d.%05d", yy + month / 12, 1 + month % 12, number);
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private void heading(int level, String title) throws IOException {
        sectionCount++;
        line("#".repeat(level) + " " + title);
        line("");
    }

    private void line(String s) throws IOException {
        out.append(s).append('\n');
        lines++;
    }
}
