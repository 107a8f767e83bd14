package org.w3id.vlmsurvey.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a survey README, the ways a hand-edited Markdown file goes wrong: deleted pipes, cut
 * lines, binary junk, huge cells, odd Unicode, nested and unbalanced brackets, stray Markdown syntax.
 */
final class Mutator {
    private static final String[] UNICODE = {
        "\u0000",
        "\uFEFF",
        "\u200B",
        "\u200E",
        "\u202E",
        "\u2028",
        "\u2029",
        "\u0085",
        "\r",
        "\t",
        "\u00A0",
        "e\u0301",
        "\uD83D\uDD25",
        "\uD83D\uDC68\u200D\uD83D\uDCBB",
        "多模态",
        "\u05E9\u05DC\u05D5\u05DD",
        "\uFFFD",
        "\uD800",
        "\\",
        "\\|",
        "&amp;",
        "&#124;",
        "<br>",
        "<",
        ">"
    };
    private static final String[] BRACKETS = {
        "[",
        "]",
        "[[",
        "]]",
        "](",
        ")",
        "[x](",
        "[[[[x](y)]]]",
        "[a]([b](c))",
        "[Code]()",
        "[Paper](<>)",
        "[](http://)",
        "[[Paper](https://arxiv.org/abs/2103.00020)]",
        "[Code](https://github.com/a/b",
        "![img](x.png)",
        "[ref]: http://x",
        "<http://auto.link>",
        "[x][y]"
    };
    private static final String[] MARKDOWN = {
        "|",
        "||",
        "|---|",
        "---",
        "# ",
        "## ",
        "##### ",
        "* ",
        "- ",
        "1. ",
        "`",
        "```",
        "> ",
        "    ",
        "<!--",
        "-->",
        "<table>",
        "***",
        "___",
        "\\",
        "* [CVPR 2022] ",
        "|-|:-:|"
    };

    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** A mutant of {@code text}: one to five mutations, and at times a slice of it only. */
    byte[] mutate(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (random.nextInt(4) != 0 && lines.size() > 40) {
            int from = random.nextInt(lines.size() - 20), len = 10 + random.nextInt(60);
            lines = new ArrayList<>(lines.subList(from, Math.min(lines.size(), from + len)));
        }
        int n = 1 + random.nextInt(5);
        byte[] junk = null;
        for (int i = 0; i < n; i++) {
            if (lines.isEmpty()) lines.add("");
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(13)) {
                case 0 -> lines.set(at, deleteOne(line, '|'));
                case 1 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                case 2 -> lines.remove(at);
                case 3 -> lines.add(at, line);
                case 4 -> {
                    int j = random.nextInt(lines.size());
                    lines.set(at, lines.get(j));
                    lines.set(j, line);
                }
                case 5 -> junk = junk(lines.size());
                case 6 -> lines.set(at, insert(line, hugeCell()));
                case 7 -> lines.set(at, insert(line, pick(UNICODE)));
                case 8 -> lines.set(at, insert(line, pick(BRACKETS)));
                case 9 -> lines.set(at, random.nextBoolean() ? pick(MARKDOWN) + line : insert(line, pick(MARKDOWN)));
                case 10 ->
                    lines.set(
                            at,
                            line.replaceFirst(
                                    "Paper|Dataset|Published in|Year|Language|Metric|Classes",
                                    pick(new String[] {"Papier", "", "Method", "Datasets", "Titles", "Image-Text", "x"
                                    })));
                case 11 ->
                    lines.set(at, line.replaceAll("[0-9]", pick(new String[] {
                        "", "9", "x", "٣", "-", "99999999999999999999"
                    })));
                default ->
                    lines.set(
                            at, line.replace("](", pick(new String[] {"] (", "](\n", "](<", "]((", "](javascript:"})));
            }
        }
        byte[] bytes =
                String.join(random.nextInt(10) == 0 ? "\r\n" : "\n", lines).getBytes(StandardCharsets.UTF_8);
        if (junk != null) {
            int at = random.nextInt(bytes.length + 1);
            byte[] out = new byte[bytes.length + junk.length];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(junk, 0, out, at, junk.length);
            System.arraycopy(bytes, at, out, at + junk.length, bytes.length - at);
            bytes = out;
        }
        return bytes;
    }

    private String deleteOne(String line, char c) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == c) at.add(i);
        if (at.isEmpty()) return line;
        int i = at.get(random.nextInt(at.size()));
        return line.substring(0, i) + line.substring(i + 1);
    }

    private String insert(String line, String s) {
        int i = random.nextInt(line.length() + 1);
        // keep surrogate pairs whole unless the junk is a lone surrogate on purpose
        if (i > 0 && i < line.length() && Character.isHighSurrogate(line.charAt(i - 1))) i++;
        return line.substring(0, i) + s + line.substring(i);
    }

    private String hugeCell() {
        int len = 1_000 + random.nextInt(random.nextInt(10) == 0 ? 200_000 : 20_000);
        StringBuilder sb = new StringBuilder(len);
        String alphabet = "abcdefghij klmnop [](){}|\\*_`-:/.0123456789";
        for (int i = 0; i < len; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    private byte[] junk(int lines) {
        byte[] b = new byte[1 + random.nextInt(16)];
        random.nextBytes(b);
        return b;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
