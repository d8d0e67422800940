package dev.nsbridge.sandbox.netsuite.rest;

import dev.nsbridge.sandbox.netsuite.auth.Authenticator;
import dev.nsbridge.sandbox.netsuite.auth.TokenAnswer;
import dev.nsbridge.sandbox.netsuite.auth.TokenRefusal;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code governanceLimits} (reference §6) and the OAuth 2.0 token endpoint (reference §3). */
final class SystemRoutes {
    static final String GOVERNANCE = "/services/rest/system/v1/governanceLimits";
    static final String TOKEN = "/services/rest/auth/oauth2/v1/token";

    private final LiveKnobs knobs;
    private final Authenticator authenticator;
    private final ErrorResponses errors;

    SystemRoutes(LiveKnobs knobs, Authenticator authenticator, ErrorResponses errors) {
        this.knobs = knobs;
        this.authenticator = authenticator;
        this.errors = errors;
    }

    int governanceLimits(Context ctx) {
        if (!knobs.governanceReadable()) {
            // Oracle documents that only admin roles may read this; the wording of the refusal is not documented.
            errors.send(ctx, 403, "INSUFFICIENT_PERMISSION", "Permission Violation: You need the Administrator role"
                    + " or the 'Integration Governance' permission to read governance limits.", Map.of());
            return 0;
        }
        int limit = knobs.concurrencyLimit();
        // The sandbox reserves nothing per integration, so the whole pool is unallocated and this integration
        // works under the account limit.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountConcurrencyLimit", limit);
        body.put("accountUnallocatedConcurrencyLimit", limit);
        body.put("integrationConcurrencyLimit", limit);
        body.put("integrationLimitType", "accountLimit");
        NetSuiteJson.answer(ctx, 200, "application/json", NetSuiteJson.write(body));
        return 0;
    }

    /**
     * The token endpoint answers in OAuth 2.0's shape, not in the REST error shape: a refusal is {@code
     * {"error":"<error_value>"}} (the format Oracle gives for its token endpoint, subsect_158521832417) with the
     * status of {@link TokenRefusal}; the exact reason is in the login audit trail only. The endpoint sits outside
     * the REST concurrency pool and the injected faults: neither is documented to apply to it.
     */
    void token(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : ctx.formParamMap().entrySet()) {
            if (field.getValue().size() == 1) {
                form.put(field.getKey(), field.getValue().get(0));
            }
        }
        TokenAnswer answer = authenticator.requestToken(form);
        if (answer.refusal().isPresent()) {
            errors.tokenRefused(ctx, answer.refusal().get());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", answer.accessToken().orElseThrow());
        body.put("expires_in", 3600);
        body.put("token_type", "Bearer");
        ctx.header("Cache-Control", "no-store");
        NetSuiteJson.answer(ctx, 200, "application/json", NetSuiteJson.writePlain(body));
    }
}
