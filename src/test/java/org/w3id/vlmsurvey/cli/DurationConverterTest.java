package org.w3id.vlmsurvey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The one duration format of every {@code --timeout} (serve, query, link). */
class DurationConverterTest {

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource({
        "10s,      10000000000",
        "500ms,    500000000",
        "2m,       120000000000",
        "1h,       3600000000000",
        "60,       60000000000", // a bare number is seconds, as the options took before
        "0.5,      500000000",
        "0.001,    1000000",
        "1.5s,     1500000000",
        "' 7 s ',  7000000000",
        "10S,      10000000000",
        "0,        0",
        "0ms,      0",
        "30s,      30000000000", // --refresh
        "10m,      600000000000",
        "PT1H,     3600000000000", // ISO-8601, as java.time.Duration reads it
        "pt10m,    600000000000",
        "PT1M30S,  90000000000",
        "PT0.5S,   500000000",
        "P1D,      86400000000000",
        "' PT30S ', 30000000000",
        "PT0S,     0",
    })
    void parses(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), DurationConverter.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "soon     | 'soon' is not a duration like 10s, 500ms, 2m, 1h, 60 (seconds) or PT1H (ISO-8601)",
                "-5s      | '-5s' is not a duration",
                "10 sec   | '10 sec' is not a duration",
                "1d       | '1d' is not a duration",
                "ms       | 'ms' is not a duration",
                "1.s      | '1.s' is not a duration",
                "''       | '' is not a duration",
                "0.5ns    | '0.5ns' is not a duration",
                "0.0000000001 | '0.0000000001' is finer than a nanosecond",
                "99999999999h | '99999999999h' is too long a duration",
                "PT-1H    | 'PT-1H' is negative: a duration must not be",
                "-PT1H    | '-PT1H' is negative: a duration must not be",
                "P        | 'P' is not a duration",
                "PT       | 'PT' is not a duration",
                "PT1X     | 'PT1X' is not a duration",
                "P1Y      | 'P1Y' is not a duration", // years and months have no fixed length
                "1h30m    | '1h30m' is not a duration",
                "-1h      | '-1h' is not a duration",
                "P99999999999999999D | 'P99999999999999999D' is",
            })
    void rejects(String text, String message) {
        var e = assertThrows(CommandLine.TypeConversionException.class, () -> DurationConverter.parse(text));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"0", "0s", "0ms"})
    void zeroIsOnlyForOptionsWhereItMeansNoLimit(String zero) {
        assertThrows(CommandLine.TypeConversionException.class, () -> new DurationConverter().convert(zero));
        assertEquals(Duration.ZERO, new DurationConverter.OrZero().convert(zero));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"10s", "500ms", "2m", "1h", "1500ms", "1.0000005s", "0s"})
    void formatIsTheShortestText(String text) {
        assertEquals(text, DurationConverter.format(DurationConverter.parse(text)));
    }

    /** Every --timeout of every command: a bad value is a usage error (2) naming the option and the value. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "serve, --timeout,         soon",
        "serve, --timeout,         0",
        "serve, --refresh,         soon",
        "serve, --refresh,         -1s",
        "serve, --refresh,         PT-1H",
        "query, --timeout,         soon",
        "query, --timeout,         -1",
        "link,  --timeout,         10 minutes",
        "link,  --timeout,         0s",
        "link,  --connect-timeout, 5x",
    })
    void badValueIsAUsageErrorNamingTheOption(String command, String option, String value) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int exit = command.equals("query")
                ? cl.execute(command, option, value, "-q", "ASK {}")
                : cl.execute(command, option, value);
        assertEquals(Main.USAGE, exit, err.toString());
        assertTrue(
                err.toString().startsWith("Invalid value for option '" + option + "': '" + value + "'"),
                err.toString());
    }
}
