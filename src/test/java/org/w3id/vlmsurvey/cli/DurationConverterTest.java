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
    })
    void parses(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), DurationConverter.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "soon     | 'soon' is not a duration like 10s, 500ms, 2m or 60 (seconds)",
                "-5s      | '-5s' is not a duration",
                "10 sec   | '10 sec' is not a duration",
                "1d       | '1d' is not a duration",
                "ms       | 'ms' is not a duration",
                "1.s      | '1.s' is not a duration",
                "''       | '' is not a duration",
                "0.5ns    | '0.5ns' is not a duration",
                "0.0000000001 | '0.0000000001' is finer than a nanosecond",
                "99999999999h | '99999999999h' is too long a duration",
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
