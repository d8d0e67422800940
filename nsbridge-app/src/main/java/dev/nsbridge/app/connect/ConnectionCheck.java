package dev.nsbridge.app.connect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.Workspace;
import dev.nsbridge.engine.config.ConnectionConfig;
import dev.nsbridge.spi.connection.CheckResult;
import dev.nsbridge.spi.errors.NsbridgeException;

/**
 * The "test connection" step for one configured connection, as its type checks it (NetSuite's full prerequisite
 * check, Klaviyo's account call, a warehouse's login). Never throws for a failed check; the result says what failed
 * and the fix.
 *
 * @param connection the connection's name in {@code nsbridge.yaml}
 * @param type       its type
 * @param passed     whether nothing failed (warnings allowed)
 * @param text       what a person reads
 * @param json       the same for scripts
 */
public record ConnectionCheck(String connection, String type, boolean passed, String text, ObjectNode json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ConnectionCheck run(Workspace workspace, ConnectionConfig connection) {
        CheckResult result;
        try {
            result = workspace.type(connection).check(workspace.context(connection.name()));
        } catch (NsbridgeException e) {
            result = CheckResult.failed(e.getMessage(), e.fix().orElse(null));
        }
        ObjectNode json = JSON.createObjectNode().put("connection", connection.name()).put("type", connection.type())
                .put("passed", result.passed());
        result.details().forEach((key, value) -> json.set(key, JSON.valueToTree(value)));
        return new ConnectionCheck(connection.name(), connection.type(), result.passed(), result.text(), json);
    }
}
