package dev.nsbridge.netsuite.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.netsuite.http.NetSuiteHttp;
import dev.nsbridge.netsuite.http.NetSuiteRequest;
import dev.nsbridge.netsuite.http.NetSuiteResponse;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.errors.InternalException;
import dev.nsbridge.spi.errors.RecordException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Get, create and patch single customer and contact records, e.g. to store the Klaviyo profile id on a customer
 * or a soft opt-out. A record NetSuite refuses (bad value, missing record) is a {@link RecordException}, so the run
 * stores it and goes on.
 */
public final class NetSuiteRecords {
    private static final String PATH = "/services/rest/record/v1/";
    private static final Pattern CREATED_ID = Pattern.compile("/(\\d+)/?$");
    private static final Map<String, String> HEADERS = Map.of("Accept", "application/json");

    private final NetSuiteHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public NetSuiteRecords(NetSuiteHttp http) {
        this.http = http;
    }

    /** The record as the records API shows it (ISO 8601 UTC dates), or empty when it does not exist. */
    public Optional<ObjectNode> get(RecordType type, long id) {
        try {
            String body = http.send(NetSuiteRequest.get(path(type, id), HEADERS)).body();
            return Optional.of((ObjectNode) json.readTree(body));
        } catch (RecordException missing) {
            if ("NONEXISTENT_ID".equals(missing.code())) {
                return Optional.empty();
            }
            throw missing;
        } catch (IOException | ClassCastException e) {
            throw new InternalException("RECORD_UNREADABLE", "NetSuite's answer for " + type.wireName() + " " + id
                    + " is not a JSON object", null, e);
        }
    }

    /** Creates a record and answers its internal id, read from the {@code Location} NetSuite answers with. */
    public long create(RecordType type, JsonNode body) {
        String location = write("POST", PATH + type.wireName(), body, type.wireName() + " (new)").location()
                .orElseThrow(() -> new InternalException("RECORD_NO_LOCATION", "NetSuite created a "
                        + type.wireName() + " but did not say its id", null));
        Matcher id = CREATED_ID.matcher(location);
        if (!id.find()) {
            throw new InternalException("RECORD_NO_LOCATION", "NetSuite's Location " + location
                    + " names no record id", null);
        }
        return Long.parseLong(id.group(1));
    }

    /** Changes the fields {@code body} names and leaves the others alone. */
    public void patch(RecordType type, long id, JsonNode body) {
        write("PATCH", path(type, id), body, type.wireName() + " " + id);
    }

    private NetSuiteResponse write(String method, String path, JsonNode body, String record) {
        try {
            return http.send(NetSuiteRequest.withBody(method, path, HEADERS, body.toString()));
        } catch (ConfigurationException refused) {
            // A 400 on a write is about this record's values (a bad email, a closed subsidiary), not the setup.
            if (refused.code().equals("NOT_FOUND")) {
                throw refused;
            }
            throw new RecordException(refused.code(), record + ": " + refused.getMessage(),
                    refused.fix().orElse(null), refused);
        }
    }

    private static String path(RecordType type, long id) {
        return PATH + type.wireName() + "/" + id;
    }
}
