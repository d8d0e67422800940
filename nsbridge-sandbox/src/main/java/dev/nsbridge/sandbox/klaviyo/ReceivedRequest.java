package dev.nsbridge.sandbox.klaviyo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request as the sandbox received it, without the API key: the {@code Authorization} header is left out and an
 * {@code api_key} query parameter (the legacy APIs' way) is shown as {@code [hidden]}.
 *
 * @param valid  whether it passed the spec check (false also when it was refused before the check: 401, 410, 404)
 * @param status the status the sandbox answered
 */
public record ReceivedRequest(Instant at, String method, String path, Map<String, List<String>> query,
                              Map<String, String> headers, String body, boolean valid, int status) {
}
