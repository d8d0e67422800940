package dev.nsbridge.app.cli;

import dev.nsbridge.engine.secret.SecretBox;
import dev.nsbridge.engine.secret.SecretKeys;
import dev.nsbridge.spi.errors.ConfigurationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nsbridge init}: the installation step. Writes a commented {@code nsbridge.yaml} that loads as written;
 * with {@code --sandbox} it points at the local sandbox, taking the credentials from the sandbox's startup line
 * and storing them encrypted, so {@code nsbridge run} works with no environment to set.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Writes a commented nsbridge.yaml: every key with its documentation and default.")
public final class InitCommand implements Callable<Integer> {
    static final String SANDBOX_URL = "http://127.0.0.1:8089";
    static final String SANDBOX_ACCOUNT = "1234567_SB1";

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, defaultValue = "nsbridge.yaml",
            description = "The file to write (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--sandbox", description = "Point the netsuite connection at the local sandbox (./nsbridge sandbox).")
    boolean sandbox;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "With --sandbox: the file ./nsbridge sandbox --credentials-file wrote (- reads the startup"
                    + " line from stdin). Its secrets are stored encrypted; without it the file refers to"
                    + " NETSUITE_CONSUMER_KEY, NETSUITE_CONSUMER_SECRET, NETSUITE_TOKEN_ID, NETSUITE_TOKEN_SECRET.")
    String credentialsFile;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Override
    public Integer call() {
        if (credentialsFile != null && !sandbox) {
            throw new ParameterException(spec.commandLine(), "--credentials-file goes with --sandbox");
        }
        if (Files.exists(config) && !force) {
            throw new ConfigurationException("INIT_FILE_EXISTS", config + " exists already", "keep it, write"
                    + " elsewhere with --config FILE, or replace it with --force");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> intro = new ArrayList<>();
        List<String> next = new ArrayList<>();
        Map<String, String> netsuite = sandbox ? sandboxConnection(intro, next, out) : accountConnection(intro, next);
        write(ConfigTemplate.render(netsuite, intro));
        out.println("wrote " + config.toAbsolutePath().normalize());
        out.println("next:");
        next.forEach(step -> out.println("  " + step));
        out.println("  ./nsbridge check" + configOption() + "     # test the connections");
        out.println("  ./nsbridge discover" + configOption() + "  # list the tables and their keys");
        out.println("  ./nsbridge run" + configOption() + "       # run the extracts into nsbridge.duckdb");
        out.flush();
        return ExitCodes.OK;
    }

    private Map<String, String> accountConnection(List<String> intro, List<String> next) {
        intro.add("The netsuite connection signs in with OAuth 2.0 client credentials (NetSuite's M2M setup):"
                + " set NETSUITE_ACCOUNT, NETSUITE_CLIENT_ID and NETSUITE_CERTIFICATE_ID in the environment and put"
                + " the certificate's private key in netsuite-private-key.pem beside this file.");
        next.add("export NETSUITE_ACCOUNT=... NETSUITE_CLIENT_ID=... NETSUITE_CERTIFICATE_ID=...");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("account", "\"${NETSUITE_ACCOUNT}\"");
        values.put("auth", "oauth2");
        values.put("client_id", "\"${NETSUITE_CLIENT_ID}\"");
        values.put("certificate_id", "\"${NETSUITE_CERTIFICATE_ID}\"");
        values.put("private_key_file", "netsuite-private-key.pem");
        return values;
    }

    private Map<String, String> sandboxConnection(List<String> intro, List<String> next, PrintWriter out) {
        Map<String, String> values = new LinkedHashMap<>();
        if (credentialsFile == null) {
            intro.add("This file points at the local sandbox (./nsbridge sandbox). Its TBA credentials are in the"
                    + " sandbox's startup line; export them as NETSUITE_CONSUMER_KEY, NETSUITE_CONSUMER_SECRET,"
                    + " NETSUITE_TOKEN_ID and NETSUITE_TOKEN_SECRET, or run ./nsbridge sandbox --credentials-file"
                    + " sandbox.json and then ./nsbridge init --sandbox --force --credentials-file sandbox.json to"
                    + " store them here encrypted.");
            next.add("./nsbridge sandbox --credentials-file sandbox.json &   # if it is not running yet");
            next.add("./nsbridge init --sandbox --force --credentials-file sandbox.json  # or export NETSUITE_*");
            values.put("account", SANDBOX_ACCOUNT);
            values.put("base_url", SANDBOX_URL);
            values.put("auth", "tba");
            values.put("consumer_key", "\"${NETSUITE_CONSUMER_KEY}\"");
            values.put("consumer_secret", "\"${NETSUITE_CONSUMER_SECRET}\"");
            values.put("token_id", "\"${NETSUITE_TOKEN_ID}\"");
            values.put("token_secret", "\"${NETSUITE_TOKEN_SECRET}\"");
            return values;
        }
        SandboxCredentials credentials = SandboxCredentials.parse(readCredentials());
        SecretKeys.Opened key = SecretKeys.fromSystem().openOrCreate();
        SecretBox box = key.box();
        intro.add("This file points at the local sandbox started with ./nsbridge sandbox --credentials-file; its"
                + " TBA credentials are stored encrypted with the key from " + key.source() + ".");
        values.put("account", credentials.accountId());
        values.put("base_url", credentials.baseUrl());
        values.put("auth", "tba");
        values.put("consumer_key", box.encrypt("connections.netsuite.consumer_key", credentials.consumerKey()));
        values.put("consumer_secret", box.encrypt("connections.netsuite.consumer_secret",
                credentials.consumerSecret()));
        values.put("token_id", box.encrypt("connections.netsuite.token_id", credentials.tokenId()));
        values.put("token_secret", box.encrypt("connections.netsuite.token_secret", credentials.tokenSecret()));
        values.put("time_zone", credentials.timeZone());
        if (key.created()) {
            out.println("created the secret key " + key.source() + ": back it up; without it the enc: values in "
                    + config.getFileName() + " cannot be read");
        }
        return values;
    }

    private String readCredentials() {
        try {
            if (credentialsFile.equals("-")) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(credentialsFile));
        } catch (IOException e) {
            throw new ConfigurationException("INIT_NO_SANDBOX_CREDENTIALS", "cannot read " + credentialsFile + " ("
                    + e.getClass().getSimpleName() + ")", "start the sandbox with ./nsbridge sandbox"
                    + " --credentials-file " + credentialsFile);
        }
    }

    private void write(String text) {
        try {
            Path parent = config.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }

    private String configOption() {
        return config.toString().equals("nsbridge.yaml") ? "" : " --config " + config;
    }
}
