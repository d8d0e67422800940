package dev.nsbridge.engine.config;

import dev.nsbridge.engine.config.YamlNode.Field;
import dev.nsbridge.engine.config.YamlNode.MapNode;
import dev.nsbridge.engine.config.YamlNode.ScalarNode;
import dev.nsbridge.spi.config.ConfigDef;
import dev.nsbridge.spi.config.ConfigKey;
import dev.nsbridge.spi.config.ConfigProblem;
import dev.nsbridge.spi.config.ConfigValues;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses one map of the file with a component's {@link ConfigDef} and turns each problem into an issue with the
 * full key path and the line it concerns: the key for an unknown key, the value for a bad value, the enclosing
 * entry for a missing key.
 */
final class SectionBinder {
    private static final Pattern CREDENTIALS = Pattern.compile("(?i)password|pwd=|://[^/?#]*@");

    private final IssueCollector issues;
    private final EncryptedValues encrypted;
    private final boolean allowPlaintextSecrets;

    /** @param allowPlaintextSecrets a secret written as plain text in the file is a warning instead of an error */
    SectionBinder(IssueCollector issues, EncryptedValues encrypted, boolean allowPlaintextSecrets) {
        this.issues = issues;
        this.encrypted = encrypted;
        this.allowPlaintextSecrets = allowPlaintextSecrets;
    }

    /**
     * The parsed values; keys in {@code handledElsewhere} are left out (the caller parses them). Whatever the
     * problems, every valid key has its value, so later checks can still run and report theirs.
     */
    ConfigValues bind(String path, int entryLine, MapNode node, ConfigDef def, Set<String> handledElsewhere) {
        Map<String, Object> raw = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        node.fields().forEach((key, field) -> {
            if (handledElsewhere.contains(key)) {
                return;
            }
            if (isEncrypted(field)) {
                String keyPath = path + "." + key;
                boolean secret = def.key(key).map(ConfigKey::isSecret).orElse(false);
                Optional<String> plain = Optional.empty();
                if (secret) {
                    plain = encrypted.decrypt(keyPath, field.value().line(), (String) field.value().plain());
                } else if (def.key(key).isPresent()) {
                    encrypted.refuse(keyPath, field.value().line());
                }
                plain.ifPresentOrElse(value -> raw.put(key, value), () -> {
                    if (def.key(key).isPresent()) {
                        reported.add(key); // reported above; a missing-key error would only repeat it
                    } else {
                        raw.put(key, ""); // left for the unknown-key error, which never quotes the value
                    }
                });
                return;
            }
            raw.put(key, field.value().plain());
        });
        ConfigDef.Result result = def.parse(raw);
        for (ConfigProblem problem : result.problems()) {
            if (!reported.contains(problem.key())) {
                report(path, entryLine, node, def, problem);
            }
        }
        refusePlaintextSecrets(path, node, def);
        return result.values();
    }

    /** An encrypted value written in the file; one that came from the environment is taken as it is. */
    private static boolean isEncrypted(Field field) {
        return field.value() instanceof ScalarNode scalar && !scalar.fromEnvironment()
                && EncryptedValues.isEncrypted(scalar.value());
    }

    /** The entry as a map, or an error when the file gave a single value or a list where a map belongs. */
    Optional<MapNode> asMap(String path, Field field) {
        if (field.value() instanceof MapNode map) {
            return Optional.of(map);
        }
        if (field.value() instanceof ScalarNode scalar && scalar.value() == null) {
            return Optional.of(MapNode.empty(field.line()));
        }
        issues.error(field.line(), path, "is not a map", "indent its keys under it, one `key: value` per line");
        return Optional.empty();
    }

    private void report(String path, int entryLine, MapNode node, ConfigDef def, ConfigProblem problem) {
        String keyPath = path + "." + problem.key();
        Optional<Field> field = node.field(problem.key());
        if (field.isPresent() && field.get().value() instanceof ScalarNode scalar && scalar.fromEnvironment()
                && scalar.value() == null) {
            return; // an unset environment variable, reported once where it was resolved
        }
        switch (problem.kind()) {
            case MISSING -> issues.error(entryLine, keyPath, problem.message(), problem.fix());
            case UNKNOWN -> issues.error(field.map(Field::line).orElse(entryLine), keyPath, problem.message(),
                    problem.fix());
            case INVALID -> {
                boolean secret = def.key(problem.key()).map(ConfigKey::isSecret).orElse(true);
                int line = field.map(f -> f.value().line()).orElse(entryLine);
                issues.error(line, keyPath, quote(field, secret) + problem.message(), problem.fix());
            }
            default -> throw new IllegalStateException("unexpected problem kind " + problem.kind());
        }
    }

    /** How the value appears in a message: as the file wrote it, unless it is (or may hold) a secret. */
    private static String quote(Optional<Field> field, boolean secret) {
        if (secret || field.isEmpty() || !(field.get().value() instanceof ScalarNode scalar)
                || mayHoldCredentials(scalar.sourceText())) {
            return "the value ";
        }
        if (scalar.fromEnvironment()) {
            return "'" + scalar.sourceText() + "' gives a value that ";
        }
        return "'" + scalar.sourceText() + "' ";
    }

    /** A URL with a password in its query or its user part: text of a key that is not a secret, yet holds one. */
    private static boolean mayHoldCredentials(String text) {
        return CREDENTIALS.matcher(text).find();
    }

    /**
     * A secret written as plain text is refused: anyone who can read the file (a backup, a repository, a support
     * ticket) could use it, and a wrong one would spend a NetSuite login before anyone saw the mistake. The user
     * may accept it knowingly, and is then warned.
     */
    private void refusePlaintextSecrets(String path, MapNode node, ConfigDef def) {
        for (ConfigKey<?> key : def.keys()) {
            if (!key.isSecret()) {
                continue;
            }
            node.field(key.name()).ifPresent(field -> {
                if (field.value() instanceof ScalarNode scalar && scalar.value() != null && !scalar.fromEnvironment()
                        && !isEncrypted(field)) {
                    String keyPath = path + "." + key.name();
                    String variable = keyPath.replaceFirst("^[a-z]+\\.", "").replaceAll("[^A-Za-z0-9]+", "_")
                            .toUpperCase(Locale.ROOT);
                    String fix = "write " + key.name() + ": ${" + variable + "} and set " + variable
                            + " in the environment, or write the enc: value that nsbridge secret encrypt " + keyPath
                            + " prints";
                    if (allowPlaintextSecrets) {
                        issues.warning(field.line(), keyPath, "is a secret written into the file, where anyone who"
                                + " can read it can use it (accepted because of --allow-plaintext)", fix);
                    } else {
                        issues.error(field.line(), keyPath, "is a secret written into the file as plain text, where"
                                + " anyone who can read it can use it", fix + " (or pass --allow-plaintext to"
                                + " accept it as written)");
                    }
                }
            });
        }
    }
}
