package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;

/** A handler's answer: a status and a JSON:API document, or no body (202 and 204 carry none in the spec). */
record ApiAnswer(int status, JsonNode body) {
    static ApiAnswer of(int status, JsonNode body) {
        return new ApiAnswer(status, body);
    }

    static ApiAnswer empty(int status) {
        return new ApiAnswer(status, null);
    }
}
