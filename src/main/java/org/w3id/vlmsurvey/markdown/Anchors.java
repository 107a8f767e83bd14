package org.w3id.vlmsurvey.markdown;

import java.util.Locale;

/** GitHub's heading anchors ({@code ## Pre-training with X} is {@code #pre-training-with-x}). */
public final class Anchors {
    private Anchors() {}

    public static String github(String heading) {
        StringBuilder sb = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_') sb.appendCodePoint(cp);
            else if (cp == ' ') sb.append('-');
        });
        return sb.toString();
    }
}
