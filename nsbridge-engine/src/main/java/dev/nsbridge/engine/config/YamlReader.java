package dev.nsbridge.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.nsbridge.engine.config.YamlNode.Field;
import dev.nsbridge.engine.config.YamlNode.ListNode;
import dev.nsbridge.engine.config.YamlNode.MapNode;
import dev.nsbridge.engine.config.YamlNode.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML token by token rather than into a JsonNode, because a JsonNode forgets where it came from and
 * every configuration error must name its line.
 */
final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final IssueCollector issues;

    YamlReader(IssueCollector issues) {
        this.issues = issues;
    }

    /** The document's top-level map, or empty when the text is not YAML or not a map (the issue is recorded). */
    Optional<MapNode> read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of(MapNode.empty(1));
            }
            YamlNode root = readValue(parser, "");
            if (root instanceof MapNode map) {
                return Optional.of(map);
            }
            issues.error(root.line(), "(top level)", "is not a map of sections",
                    "start with one of " + String.join(", ", NsbridgeConfig.SECTIONS.keySet()) + " followed by ':'");
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            issues.error(line, "(syntax)", "is not valid YAML: " + e.getOriginalMessage().lines().findFirst()
                    .orElse("unreadable"), "check the indentation and the quotes around that line");
            return Optional.empty();
        } catch (IOException e) {
            issues.error(0, "(file)", "cannot be read: " + e.getMessage(), "check the file exists and is readable");
            return Optional.empty();
        }
    }

    private YamlNode readValue(JsonParser parser, String path) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMap(parser, path, line);
            case START_ARRAY -> readList(parser, path, line);
            case VALUE_STRING -> new ScalarNode(line, parser.getText(), parser.getText(), false);
            case VALUE_NUMBER_INT -> new ScalarNode(line, parser.getNumberValue(), parser.getText(), false);
            case VALUE_NUMBER_FLOAT -> new ScalarNode(line, parser.getDoubleValue(), parser.getText(), false);
            case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(line, parser.getBooleanValue(), parser.getText(), false);
            case VALUE_NULL -> new ScalarNode(line, null, "", false);
            default -> new ScalarNode(line, parser.getText(), parser.getText(), false);
        };
    }

    private MapNode readMap(JsonParser parser, String path, int line) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = parser.currentTokenLocation().getLineNr();
            parser.nextToken();
            String childPath = path.isEmpty() ? key : path + "." + key;
            YamlNode value = readValue(parser, childPath);
            Field earlier = fields.get(key);
            if (earlier != null) {
                issues.error(keyLine, childPath, "appears twice (first on line " + earlier.line() + ")",
                        "keep one of them");
                continue;
            }
            fields.put(key, new Field(key, keyLine, value));
        }
        return new MapNode(line, fields);
    }

    private ListNode readList(JsonParser parser, String path, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, path + "[" + items.size() + "]"));
        }
        return new ListNode(line, items);
    }
}
