package dev.nsbridge.engine.config;

import dev.nsbridge.engine.config.YamlNode.Field;
import dev.nsbridge.engine.config.YamlNode.ListNode;
import dev.nsbridge.engine.config.YamlNode.MapNode;
import dev.nsbridge.engine.config.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in text values with the environment variable's value, so secrets stay out of the
 * file. {@code $${} writes a literal {@code ${}. An unset variable is an error naming it, never an empty value;
 * when credentials may come later, one inside a connection is instead noted against that connection, which then
 * cannot be opened.
 */
final class EnvironmentResolver {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final String CONNECTIONS = "connections.";

    private final Function<String, String> environment;
    private final IssueCollector issues;
    private final boolean credentialsLater;
    private final Map<String, Set<String>> unsetByConnection = new LinkedHashMap<>();

    EnvironmentResolver(Function<String, String> environment, IssueCollector issues, boolean credentialsLater) {
        this.environment = environment;
        this.issues = issues;
        this.credentialsLater = credentialsLater;
    }

    /** The unset variables each connection refers to, when credentials may come later; empty otherwise. */
    Set<String> unsetVariables(String connection) {
        return unsetByConnection.getOrDefault(connection, Set.of());
    }

    MapNode resolve(MapNode root) {
        return resolveMap(root, "");
    }

    private YamlNode resolve(YamlNode node, String path) {
        if (node instanceof MapNode map) {
            return resolveMap(map, path);
        }
        if (node instanceof ListNode list) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode item : list.items()) {
                items.add(resolve(item, path + "[" + items.size() + "]"));
            }
            return new ListNode(list.line(), items);
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.value() instanceof String text && text.contains("$") ? resolveText(scalar, text, path) : scalar;
    }

    private MapNode resolveMap(MapNode map, String path) {
        Map<String, Field> fields = new LinkedHashMap<>();
        map.fields().forEach((key, field) -> fields.put(key, new Field(key, field.line(),
                resolve(field.value(), path.isEmpty() ? key : path + "." + key))));
        return new MapNode(map.line(), fields);
    }

    private ScalarNode resolveText(ScalarNode scalar, String text, String path) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        boolean referenced = false;
        boolean unresolved = false;
        while (matcher.find()) {
            if (matcher.group(1) == null) {
                matcher.appendReplacement(resolved, Matcher.quoteReplacement("${"));
                continue;
            }
            String name = matcher.group(1);
            referenced = true;
            String value = NAME.matcher(name).matches() ? environment.apply(name) : null;
            unresolved |= value == null;
            if (!NAME.matcher(name).matches()) {
                issues.error(scalar.line(), path, "'${" + name + "}' is not a valid environment variable reference",
                        "use letters, digits and underscores only, e.g. ${NS_TOKEN_SECRET}");
            } else if (value == null && credentialsLater && path.startsWith(CONNECTIONS)) {
                String connection = path.substring(CONNECTIONS.length()).split("\\.", 2)[0];
                unsetByConnection.computeIfAbsent(connection, c -> new LinkedHashSet<>()).add(name);
            } else if (value == null) {
                issues.error(scalar.line(), path, "refers to environment variable " + name + ", which is not set",
                        "set it before starting nsbridge, e.g. export " + name + "=...");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(resolved);
        // An unresolved value is absent rather than empty, and already reported: nothing else complains about it.
        return new ScalarNode(scalar.line(), unresolved ? null : resolved.toString(), scalar.sourceText(), referenced);
    }
}
