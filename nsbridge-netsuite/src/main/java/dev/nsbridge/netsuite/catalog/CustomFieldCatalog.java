package dev.nsbridge.netsuite.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.netsuite.http.ErrorCodes;
import dev.nsbridge.netsuite.http.NetSuiteHttp;
import dev.nsbridge.netsuite.http.NetSuiteRequest;
import dev.nsbridge.spi.errors.AuthenticationException;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.RecordException;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The custom fields of record types, read from {@code metadata-catalog} (JSON schema) and cached in the state
 * directory: the catalog can take minutes on a large account, and fields change rarely.
 */
public final class CustomFieldCatalog {
    private static final String PATH = "/services/rest/record/v1/metadata-catalog/";
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/schema+json");
    private static final Map<String, String> LIST_HEADERS = Map.of("Accept", "application/json");
    /** The cache's entry for the list of record types; no record type has a name that starts with "_". */
    private static final String TYPES_KEY = "_record_types";

    private final NetSuiteHttp http;
    private final Path cacheFile;
    private final Clock clock;
    private final Duration timeToLive;
    private final ObjectMapper json = new ObjectMapper();

    public CustomFieldCatalog(NetSuiteHttp http, NetSuiteAccountId account, Path stateDirectory, Clock clock,
                              Duration timeToLive) {
        this.http = http;
        this.cacheFile = stateDirectory.resolve("netsuite-catalog-" + account.value() + ".json");
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    /**
     * Every field of {@code recordType} whose name starts with {@code prefix}, e.g. {@code custentity}.
     *
     * @param refresh read the metadata catalog even when the cache is fresh
     */
    public synchronized List<Column> fields(String recordType, String prefix, boolean refresh) {
        ObjectNode cache = readCache();
        JsonNode cached = cache.path(recordType);
        boolean fresh = cached.has("fetchedAt")
                && Instant.parse(cached.get("fetchedAt").asText()).plus(timeToLive).isAfter(clock.instant());
        if (!fresh || refresh) {
            cached = json.createObjectNode().put("fetchedAt", clock.instant().toString())
                    .set("fields", toJson(fetch(recordType)));
            cache.set(recordType, cached);
            writeCache(cache);
        }
        List<Column> columns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cached.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().startsWith(prefix)) {
                columns.add(new Column(field.getKey(), ColumnType.valueOf(field.getValue().asText())));
            }
        }
        return columns;
    }

    /**
     * The record types the metadata catalog lists ({@code GET metadata-catalog}: {@code items} of {@code name}),
     * custom record types among them by script id; cached with the fields.
     *
     * @param refresh read the list even when the cache is fresh
     */
    public synchronized List<String> recordTypes(boolean refresh) {
        ObjectNode cache = readCache();
        JsonNode cached = cache.path(TYPES_KEY);
        boolean fresh = cached.has("fetchedAt")
                && Instant.parse(cached.get("fetchedAt").asText()).plus(timeToLive).isAfter(clock.instant());
        if (!fresh || refresh) {
            ObjectNode entry = json.createObjectNode().put("fetchedAt", clock.instant().toString());
            fetchTypes().forEach(entry.putArray("types")::add);
            cache.set(TYPES_KEY, entry);
            writeCache(cache);
            cached = entry;
        }
        List<String> types = new ArrayList<>();
        cached.path("types").forEach(type -> types.add(type.asText()));
        return types;
    }

    private List<String> fetchTypes() {
        String body;
        try {
            body = http.send(NetSuiteRequest.get(PATH.substring(0, PATH.length() - 1), LIST_HEADERS)).body();
        } catch (ConfigurationException | AuthenticationException | RecordException unavailable) {
            // As for one type's schema: a role that may not read the catalog lists no custom record types.
            if (unavailable instanceof AuthenticationException && !ErrorCodes.isPermission(unavailable)) {
                throw unavailable;
            }
            return List.of();
        }
        List<String> types = new ArrayList<>();
        try {
            json.readTree(body).path("items").forEach(item -> {
                String name = item.path("name").asText("").toLowerCase(Locale.ROOT);
                if (name.matches("[a-z0-9_]{1,128}")) {
                    types.add(name);
                }
            });
        } catch (IOException e) {
            throw new InternalException("METADATA_CATALOG_UNREADABLE", "NetSuite's metadata catalog list is not"
                    + " JSON", null, e);
        }
        return types;
    }

    private Map<String, ColumnType> fetch(String recordType) {
        String body;
        try {
            body = http.send(NetSuiteRequest.get(PATH + recordType, HEADERS)).body();
        } catch (ConfigurationException | AuthenticationException | RecordException unavailable) {
            // A record type this account or role does not have simply contributes no custom fields (NetSuite
            // answers 404 NONEXISTENT_ID for a schema it does not have, which reads as a missing record); a refused
            // login is still an error.
            if (unavailable instanceof AuthenticationException && !ErrorCodes.isPermission(unavailable)) {
                throw unavailable;
            }
            return Map.of();
        }
        Map<String, ColumnType> fields = new LinkedHashMap<>();
        try {
            collect(json.readTree(body), fields);
        } catch (IOException e) {
            throw new InternalException("METADATA_CATALOG_UNREADABLE", "NetSuite's metadata catalog for "
                    + recordType + " is not JSON", null, e);
        }
        return fields;
    }

    // Custom fields of lines (custcol) sit in the sublist's schema, so the whole tree is walked.
    private static void collect(JsonNode node, Map<String, ColumnType> fields) {
        if (node.isObject()) {
            JsonNode properties = node.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String name = property.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("cust") && name.matches("[a-z0-9_]+")) {
                    fields.putIfAbsent(name, type(property.getValue()));
                }
            }
            node.fields().forEachRemaining(child -> collect(child.getValue(), fields));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, fields));
        }
    }

    static ColumnType type(JsonNode schema) {
        String format = schema.path("format").asText("");
        String type = schema.path("type").isArray() ? firstNonNull(schema.path("type"))
                : schema.path("type").asText("string");
        if ("date".equals(format)) {
            return ColumnType.DATE;
        }
        if ("date-time".equals(format)) {
            return ColumnType.TIMESTAMP;
        }
        return switch (type) {
            case "boolean" -> ColumnType.BOOLEAN;
            case "integer" -> ColumnType.INTEGER;
            case "number" -> ColumnType.DECIMAL;
            // Select fields are references: SuiteQL answers their internal ids, several for a multi-select.
            default -> ColumnType.STRING;
        };
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode type : types) {
            if (!"null".equals(type.asText())) {
                return type.asText();
            }
        }
        return "string";
    }

    private ObjectNode toJson(Map<String, ColumnType> fields) {
        ObjectNode node = json.createObjectNode();
        fields.forEach((name, type) -> node.put(name, type.name()));
        return node;
    }

    private ObjectNode readCache() {
        if (!Files.exists(cacheFile)) {
            return json.createObjectNode();
        }
        try {
            JsonNode root = json.readTree(Files.readString(cacheFile, StandardCharsets.UTF_8));
            return root instanceof ObjectNode object ? object : json.createObjectNode();
        } catch (IOException unreadable) {
            // A damaged cache is only a cache: read the catalog again.
            return json.createObjectNode();
        }
    }

    private void writeCache(ObjectNode cache) {
        try {
            Files.createDirectories(cacheFile.getParent());
            Path temporary = Files.createTempFile(cacheFile.getParent(), cacheFile.getFileName().toString(), ".tmp");
            Files.writeString(temporary, cache.toString(), StandardCharsets.UTF_8);
            Files.move(temporary, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ConfigurationException("CATALOG_CACHE", "the catalog cache " + cacheFile + " cannot be written",
                    "make the state directory writable", e);
        }
    }
}
