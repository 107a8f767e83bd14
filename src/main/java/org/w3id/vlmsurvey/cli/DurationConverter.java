package org.w3id.vlmsurvey.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The one reading of a duration on the command line, for every {@code --timeout} and {@code --refresh}: a number and
 * a unit, {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, a bare number of seconds ({@code 60}, {@code 0.5}: what
 * the options took before), or ISO-8601 ({@code PT1H}, {@code PT1M30S}, {@code P1D}: {@link Duration#parse}). Must be
 * positive; {@link OrZero} also takes {@code 0} ("no limit"). A bad value is a
 * usage error (exit 2) that picocli prints with the option's name.
 */
public class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Duration d = parse(value);
        if (d.isZero())
            throw new CommandLine.TypeConversionException("'" + value + "': the duration must be more than 0");
        return d;
    }

    /** Like {@link DurationConverter}, and {@code 0} means no limit. */
    public static final class OrZero extends DurationConverter {
        @Override
        public Duration convert(String value) {
            return parse(value);
        }
    }

    /**
     * {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}, a number of seconds, or ISO-8601 ({@code PT1H}); zero
     * allowed; never negative; at most nanosecond precision.
     */
    public static Duration parse(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("p") || text.startsWith("-p") || text.startsWith("+p")) return iso(value, text);
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) throw notADuration(value);
        BigDecimal nanosPerUnit = BigDecimal.valueOf(
                switch (m.group(2) == null ? "s" : m.group(2)) {
                    case "ms" -> 1_000_000L;
                    case "m" -> 60_000_000_000L;
                    case "h" -> 3_600_000_000_000L;
                    default -> 1_000_000_000L;
                });
        BigDecimal nanos = new BigDecimal(m.group(1)).multiply(nanosPerUnit);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0)
            throw new CommandLine.TypeConversionException("'" + value + "' is too long a duration");
        if (nanos.stripTrailingZeros().scale() > 0)
            throw new CommandLine.TypeConversionException("'" + value + "' is finer than a nanosecond");
        return Duration.ofNanos(nanos.longValueExact());
    }

    private static Duration iso(String value, String text) {
        Duration d;
        try {
            d = Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            throw notADuration(value);
        } catch (ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too long a duration");
        }
        if (d.isNegative())
            throw new CommandLine.TypeConversionException("'" + value + "' is negative: a duration must not be");
        return d;
    }

    private static CommandLine.TypeConversionException notADuration(String value) {
        return new CommandLine.TypeConversionException(
                "'" + value + "' is not a duration like 10s, 500ms, 2m, 1h, 60 (seconds) or PT1H (ISO-8601)");
    }

    /** The shortest way back: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1.5s}. */
    public static String format(Duration d) {
        if (d.isZero()) return "0s";
        if (d.toNanos() % 3_600_000_000_000L == 0) return d.toHours() + "h";
        if (d.toNanos() % 60_000_000_000L == 0) return d.toMinutes() + "m";
        if (d.toNanos() % 1_000_000_000L == 0) return d.toSeconds() + "s";
        if (d.toNanos() % 1_000_000L == 0) return d.toMillis() + "ms";
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + "s";
    }
}
