package org.w3id.vlmsurvey.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.w3id.vlmsurvey.server.guard.PasswordFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "passwd",
        mixinStandardHelpOptions = true,
        description = {
            "Print a line of the update password file (serve --update-password-file) for USER: the password,",
            "read from the terminal (asked twice) or from the first line of standard input, is stored as a salted",
            "PBKDF2-HMAC-SHA256 hash. Example: vlm-survey-kg passwd alice >> update-users.txt"
        })
final class PasswdCommand implements Callable<Integer> {
    @Parameters(paramLabel = "USER", description = "the user name (A-Z a-z 0-9 . _ @ -)")
    String user;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String password;
        Console console = System.console();
        if (console != null) {
            char[] a = console.readPassword("Password for %s: ", user);
            char[] b = console.readPassword("Again: ");
            if (a == null || b == null || !Arrays.equals(a, b)) throw Failure.usage("passwd: the two passwords differ");
            password = new String(a);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        spec.commandLine().getOut().println(PasswordFile.line(user, password));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
