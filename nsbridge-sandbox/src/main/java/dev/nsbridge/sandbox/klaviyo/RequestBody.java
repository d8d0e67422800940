package dev.nsbridge.sandbox.klaviyo;

import com.atlassian.oai.validator.model.Body;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * A request's body, parsed at most once: the spec check and then the handler read the same tree, as a 5 MB bulk
 * body is worth parsing once. Not thread-safe; it lives for one request.
 */
final class RequestBody implements Body {
    private final String text;
    private JsonNode parsed;
    private IOException invalid;

    RequestBody(String text) {
        this.text = text;
    }

    @Override
    public boolean hasBody() {
        return text != null && !text.isEmpty();
    }

    /** @throws IOException when the body is not JSON; the validator reports it as the spec's invalid-JSON error */
    @Override
    public JsonNode toJsonNode() throws IOException {
        if (parsed == null && invalid == null) {
            try {
                parsed = JsonApi.MAPPER.readTree(text);
            } catch (IOException e) {
                invalid = e;
            }
        }
        if (invalid != null) {
            throw invalid;
        }
        return parsed;
    }

    @Override
    public String toString(Charset charset) {
        return text;
    }
}
