package dev.nsbridge.kafka.connect.recipe;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files the README's Kafka Connect recipe has a user write ({@code cat > NAME <<'EOF' … EOF}), read from
 * README.md itself, so the tests run the recipe as written rather than a copy of it that could drift.
 */
final class ReadmeRecipe {
    static final String SECTION = "## Kafka Connect";
    private static final Pattern FILE = Pattern.compile("cat > (\\S+) <<'?EOF'?\\n(.*?)\\nEOF\\n", Pattern.DOTALL);
    /** The recipe fills the NetSuite file from the sandbox's startup line with {@code $(jq -r .a.b sandbox.json)}. */
    private static final Pattern JQ_FIELD = Pattern.compile("\\$\\(jq -r (\\.[A-Za-z0-9_.]+) sandbox\\.json\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> files;

    private ReadmeRecipe(Map<String, String> files) {
        this.files = files;
    }

    /** The recipe in the README of the checkout the tests run in (the module's parent directory). */
    static ReadmeRecipe read() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n" + SECTION + "\n");
        if (start < 0) {
            throw new AssertionError("README.md has no section \"" + SECTION + "\"");
        }
        int end = readme.indexOf("\n## ", start + SECTION.length() + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end + 1);
        Map<String, String> files = new LinkedHashMap<>();
        Matcher file = FILE.matcher(section);
        while (file.find()) {
            files.put(file.group(1), file.group(2) + "\n");
        }
        return new ReadmeRecipe(files);
    }

    /** A file's text as the recipe writes it. */
    String file(String name) {
        String text = files.get(name);
        if (text == null) {
            throw new AssertionError("the README's recipe writes no file " + name + "; it writes " + files.keySet());
        }
        return text;
    }

    Properties properties(String name) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(file(name)));
        return properties;
    }

    /** A connector's configuration: the JSON object the recipe sends with {@code PUT /connectors/NAME/config}. */
    Map<String, String> connectorConfig(String name) throws IOException {
        return JSON.readValue(file(name), new TypeReference<LinkedHashMap<String, String>>() {
        });
    }

    /**
     * A file whose lines take values from the sandbox's startup line ({@code sandbox.json}), with each
     * {@code $(jq -r .path sandbox.json)} replaced by that field, as the shell would.
     */
    String fromStartupLine(String name, String startupJson) throws IOException {
        JsonNode startup = JSON.readTree(startupJson);
        Matcher field = JQ_FIELD.matcher(file(name));
        StringBuilder text = new StringBuilder();
        while (field.find()) {
            JsonNode value = startup.at(field.group(1).replace('.', '/'));
            if (!value.isValueNode()) {
                throw new AssertionError("the sandbox's startup line has no field " + field.group(1));
            }
            field.appendReplacement(text, Matcher.quoteReplacement(value.asText()));
        }
        field.appendTail(text);
        return text.toString();
    }
}
