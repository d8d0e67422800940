package dev.nsbridge.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.app.pipeline.RecordErrors;
import dev.nsbridge.spi.errors.NsbridgeException;

/** The one place where failures become HTTP statuses, as {@code ExitCodes} is for the command line. */
final class HttpErrors {
    static final String RUNNING = "PIPELINE_RUNNING";
    static final String NOT_FOUND = "NOT_FOUND";

    private HttpErrors() {
    }

    static int status(NsbridgeException e) {
        if (e.code().equals(RUNNING)) {
            return 409;
        }
        if (e.code().equals(NOT_FOUND) || e.code().equals(RecordErrors.NOT_FOUND) || e.code().startsWith("CONFIG_UNKNOWN")) {
            return 404;
        }
        return switch (e.category()) {
            case CONFIGURATION, RECORD -> 400;
            case AUTHENTICATION -> 502;
            case TRANSIENT -> 503;
            default -> 500;
        };
    }

    static ObjectNode body(NsbridgeException e) {
        ObjectNode node = ApiViews.JSON.createObjectNode().put("error", e.code()).put("message", e.getMessage());
        e.fix().ifPresent(fix -> node.put("fix", fix));
        return node;
    }

    static ObjectNode body(String code, String message) {
        return ApiViews.JSON.createObjectNode().put("error", code).put("message", message);
    }
}
