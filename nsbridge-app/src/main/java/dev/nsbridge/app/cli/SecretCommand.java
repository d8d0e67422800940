package dev.nsbridge.app.cli;

import dev.nsbridge.engine.secret.SecretKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nsbridge secret}: values for {@code nsbridge.yaml} stored encrypted, with the key kept outside the file. */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Encrypts secret values for nsbridge.yaml.",
        subcommands = SecretCommand.Encrypt.class)
public final class SecretCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code nsbridge secret encrypt KEY_PATH}: reads the value from standard input (never from the command line,
     * where shell history and {@code ps} would keep it) and prints the {@code enc:v1:} value to paste.
     */
    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = "Reads a value on standard input and prints it encrypted for KEY_PATH.")
    static final class Encrypt implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "KEY_PATH", description = "Where the value goes in nsbridge.yaml, e.g."
                + " connections.klaviyo.api_key; a value only opens at that path.")
        String keyPath;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            if (System.console() != null) {
                err.println("Paste the value for " + keyPath + " and press Enter:");
                err.flush();
            }
            String value = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (value == null || value.isEmpty()) {
                err.println("error: no value on standard input; e.g. printf %s \"$TOKEN\" | nsbridge secret encrypt "
                        + keyPath);
                return ExitCodes.USAGE;
            }
            SecretKeys.Opened key = SecretKeys.fromSystem().openOrCreate();
            spec.commandLine().getOut().println(key.box().encrypt(keyPath, value));
            spec.commandLine().getOut().flush();
            err.println((key.created() ? "Made a new secret key at " : "Encrypted with the key from ") + key.source()
                    + (key.created() ? "; back it up: without it the value cannot be read." : "."));
            err.println("Paste the line above as the value of " + keyPath + " in nsbridge.yaml.");
            err.flush();
            return ExitCodes.OK;
        }
    }
}
