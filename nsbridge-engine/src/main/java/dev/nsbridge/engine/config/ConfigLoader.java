package dev.nsbridge.engine.config;

import dev.nsbridge.engine.config.ComponentRegistry.Component;
import dev.nsbridge.engine.config.ConfigIssue.Severity;
import dev.nsbridge.engine.config.YamlNode.Field;
import dev.nsbridge.engine.config.YamlNode.MapNode;
import dev.nsbridge.engine.config.YamlNode.ScalarNode;
import dev.nsbridge.engine.secret.SecretKeys;
import dev.nsbridge.spi.config.ConfigValues;
import dev.nsbridge.spi.config.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Loads {@code nsbridge.yaml}: reads it keeping each value's line, replaces {@code ${ENV}} references, decrypts
 * {@code enc:} secret values, checks every section against its declaration and the references between sections,
 * and reports every problem at once, each with its key path, line and fix.
 *
 * <pre>{@code
 * ConfigLoader loader = new ConfigLoader(registry, System::getenv);
 * NsbridgeConfig config = loader.load(Path.of("nsbridge.yaml"));   // throws ConfigurationException listing all errors
 * ConfigReport report = loader.check(Path.of("nsbridge.yaml"));    // errors and warnings, for `nsbridge check`
 * loader.load(file, LoadOptions.STRICT.withCredentialsLater());     // for commands that read only local state
 * }</pre>
 */
public final class ConfigLoader {
    private static final Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

    private final ComponentRegistry registry;
    private final Function<String, String> environment;
    private final SecretKeys secretKeys;

    /**
     * A loader that looks for the secret key of {@code enc:} values where {@link SecretKeys} says, under the
     * user's home folder.
     *
     * @param registry    the connection and flow types the program knows
     * @param environment looks up an environment variable, null when unset ({@code System::getenv})
     */
    public ConfigLoader(ComponentRegistry registry, Function<String, String> environment) {
        this(registry, environment, new SecretKeys(environment, Path.of(System.getProperty("user.home")),
                new SecureRandom()));
    }

    /** @param secretKeys where the key that opens {@code enc:} values is found; looked at only when one is used */
    public ConfigLoader(ComponentRegistry registry, Function<String, String> environment, SecretKeys secretKeys) {
        this.registry = registry;
        this.environment = environment;
        this.secretKeys = secretKeys;
    }

    /** The checked configuration, or a {@link dev.nsbridge.spi.errors.ConfigurationException} listing every error. */
    public NsbridgeConfig load(Path file) {
        return load(file, LoadOptions.STRICT);
    }

    /** As {@link #load(Path)}, as strict about secrets as {@code options} say. */
    public NsbridgeConfig load(Path file, LoadOptions options) {
        return check(file, options).orThrow();
    }

    public ConfigReport check(Path file) {
        return check(file, LoadOptions.STRICT);
    }

    public ConfigReport check(Path file, LoadOptions options) {
        try {
            return check(file, Files.readString(file), options);
        } catch (IOException e) {
            IssueCollector issues = new IssueCollector(file.getFileName().toString());
            issues.error(0, "(file)", "cannot be read (" + e.getClass().getSimpleName() + ")",
                    "check that " + file.toAbsolutePath() + " exists and is readable, or run nsbridge init");
            return report(issues, null);
        }
    }

    /** Checks {@code text} as though it were the content of {@code file}, which names it in messages. */
    public ConfigReport check(Path file, String text) {
        return check(file, text, LoadOptions.STRICT);
    }

    /** Checks {@code text} as though it were the content of {@code file}, as strict as {@code options} say. */
    public ConfigReport check(Path file, String text, LoadOptions options) {
        IssueCollector issues = new IssueCollector(file.getFileName().toString());
        Optional<MapNode> read = new YamlReader(issues).read(text);
        if (read.isEmpty()) {
            return report(issues, null);
        }
        EnvironmentResolver resolver = new EnvironmentResolver(environment, issues, options.credentialsLater());
        MapNode root = resolver.resolve(read.get());
        Sections sections = new Sections(issues, new SectionBinder(issues, new EncryptedValues(secretKeys, issues),
                options.allowPlaintextSecrets()), resolver);
        for (Field field : root.fields().values()) {
            if (!NsbridgeConfig.SECTIONS.containsKey(field.key())) {
                issues.error(field.line(), field.key(), "is not a known section",
                        Suggestions.closest(field.key(), NsbridgeConfig.SECTIONS.keySet())
                                .map(near -> "did you mean " + near + "?")
                                .orElse("use " + String.join(", ", NsbridgeConfig.SECTIONS.keySet())));
            }
        }
        if (root.field("connections").isEmpty()) {
            issues.error(1, "connections", root.fields().isEmpty() ? "is missing: the file is empty"
                    : "is missing", "add connections: with the systems to read and write, then extracts: or flows:"
                    + " that use them (nsbridge init writes a commented example)");
        }
        Map<String, Field> connectionEntries = sections.entries(root, "connections");
        Map<String, ConnectionConfig> connections = new LinkedHashMap<>();
        connectionEntries.values().forEach(f -> sections.connection(f).ifPresent(c -> connections.put(c.name(), c)));
        PipelineSections pipelines = new PipelineSections(issues, sections.binder, registry, connectionEntries.keySet());
        Map<String, ExtractConfig> extracts = new LinkedHashMap<>();
        Map<String, Field> extractEntries = sections.entries(root, "extracts");
        extractEntries.values().forEach(f -> pipelines.extract(f).ifPresent(e -> extracts.put(e.name(), e)));
        PipelineChecks checks = new PipelineChecks(issues, registry);
        checks.check(extractEntries, extracts, connections);
        Map<String, Field> flowEntries = sections.entries(root, "flows");
        Map<String, FlowConfig> flows = new LinkedHashMap<>();
        flowEntries.values().forEach(f -> pipelines.flow(f).ifPresent(flow -> flows.put(flow.name(), flow)));
        checks.checkFlows(flowEntries, flows, connections);
        for (Field flow : flowEntries.values()) {
            if (extracts.containsKey(flow.key())) {
                issues.error(flow.line(), "flows." + flow.key(), "has the same name as an extract; both are"
                        + " pipelines and share state and history by name", "rename one of them");
            }
        }
        StateConfig state = sections.state(root, file, connections);
        return report(issues, new NsbridgeConfig(file, connections, extracts, flows, state));
    }

    private static ConfigReport report(IssueCollector issues, NsbridgeConfig config) {
        return new ConfigReport(issues.hasErrors() ? Optional.empty() : Optional.ofNullable(config),
                issues.all(Severity.ERROR), issues.all(Severity.WARNING));
    }

    /** The sections that are not pipelines: connections and state. */
    private final class Sections {
        private final IssueCollector issues;
        private final SectionBinder binder;
        private final EnvironmentResolver resolver;

        Sections(IssueCollector issues, SectionBinder binder, EnvironmentResolver resolver) {
            this.issues = issues;
            this.binder = binder;
            this.resolver = resolver;
        }

        /** A section's named entries; a section may be absent or empty. */
        Map<String, Field> entries(MapNode root, String section) {
            Optional<Field> field = root.field(section);
            if (field.isEmpty()) {
                return Map.of();
            }
            Map<String, Field> entries = new LinkedHashMap<>();
            binder.asMap(section, field.get()).ifPresent(map -> map.fields().forEach((name, entry) -> {
                if (ENTRY_NAME.matcher(name).matches()) {
                    entries.put(name, entry);
                } else {
                    issues.error(entry.line(), section + "." + name, "is not a usable name",
                            "use letters, digits, '_' and '-' only, e.g. " + name.replaceAll("[^A-Za-z0-9_-]+", "_"));
                }
            }));
            return entries;
        }

        Optional<ConnectionConfig> connection(Field entry) {
            String path = "connections." + entry.key();
            Optional<MapNode> node = binder.asMap(path, entry);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            int before = issues.errorCount();
            Optional<Component> type = registeredType(path, entry, node.get());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            ConfigValues values = binder.bind(path, entry.line(), node.get(), type.get().definition(),
                    Set.of(ConnectionConfig.TYPE.name()));
            return issues.errorCount() == before
                    ? Optional.of(new ConnectionConfig(entry.key(), type.get().type(), values,
                            List.copyOf(resolver.unsetVariables(entry.key())))) : Optional.empty();
        }

        private Optional<Component> registeredType(String path, Field entry, MapNode node) {
            Set<String> known = registry.connectionTypes().keySet();
            String choices = known.isEmpty() ? "(none registered)" : String.join(", ", known);
            Optional<Field> typeField = node.field(ConnectionConfig.TYPE.name());
            if (typeField.isEmpty()) {
                issues.error(entry.line(), path + ".type", "is required and missing", "add type: one of " + choices);
                return Optional.empty();
            }
            if (!(typeField.get().value() instanceof ScalarNode scalar) || !(scalar.value() instanceof String type)) {
                issues.error(typeField.get().line(), path + ".type", "is not a single word", "write one of " + choices);
                return Optional.empty();
            }
            Optional<Component> component = registry.connectionType(type);
            if (component.isEmpty()) {
                issues.error(scalar.line(), path + ".type", "'" + scalar.sourceText() + "' is not a connection type",
                        Suggestions.closest(type, known).map(near -> "did you mean " + near + "?")
                                .orElse("write one of " + choices));
            }
            return component;
        }

        StateConfig state(MapNode root, Path file, Map<String, ConnectionConfig> connections) {
            Optional<Field> field = root.field("state");
            if (field.isEmpty()) {
                return StateConfig.besides(file);
            }
            Optional<MapNode> node = binder.asMap("state", field.get());
            if (node.isEmpty()) {
                return StateConfig.besides(file);
            }
            ConfigValues values = binder.bind("state", field.get().line(), node.get(), StateConfig.DEF, Set.of());
            Path path = values.find(StateConfig.PATH).map(p -> StateConfig.folderOf(file).resolve(p).normalize())
                    .orElseGet(() -> StateConfig.besides(file).path());
            Optional<String> connection = values.find(StateConfig.CONNECTION);
            connection.ifPresent(name -> checkSharedStore(node.get(), name, connections));
            return new StateConfig(path, connection, values.find(StateConfig.SCHEMA)
                    .orElse(StateConfig.SCHEMA.defaultValue().orElseThrow()));
        }

        /** The shared store is PostgreSQL: the connection must exist and be one, and the file is then not used. */
        private void checkSharedStore(MapNode state, String name, Map<String, ConnectionConfig> connections) {
            int line = state.field(StateConfig.CONNECTION.name()).map(Field::line).orElse(state.line());
            state.field(StateConfig.PATH.name()).ifPresent(path -> issues.error(path.line(), "state.path",
                    "cannot be used with state.connection: the state is either in a local file or in PostgreSQL",
                    "remove path to share the state through " + name + ", or remove connection to keep the file"));
            ConnectionConfig connection = connections.get(name);
            if (connection == null) {
                issues.error(line, "state.connection", "'" + name + "' is not a connection",
                        Suggestions.closest(name, connections.keySet()).map(near -> "did you mean " + near + "?")
                                .orElse("add a " + StateConfig.SHARED_TYPE + " connection named " + name
                                        + " under connections:"));
            } else if (!connection.type().equals(StateConfig.SHARED_TYPE)) {
                issues.error(line, "state.connection", "'" + name + "' is a " + connection.type()
                        + " connection; the shared state store runs on PostgreSQL", "name a "
                        + StateConfig.SHARED_TYPE + " connection, or remove connection to keep the state in a file");
            }
        }
    }
}
