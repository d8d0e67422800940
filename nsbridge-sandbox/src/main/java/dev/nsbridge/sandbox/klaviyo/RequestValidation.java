package dev.nsbridge.sandbox.klaviyo;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request against the spec with Atlassian's OpenAPI validator and turns its findings into Klaviyo's 400s.
 * The validator also refuses body properties the schema does not name, as Klaviyo does for an unknown attribute.
 */
final class RequestValidation {
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("\\[\"([^\"]+)\"");
    private static final String ADDITIONAL_PROPERTIES = "validation.request.body.schema.additionalProperties";

    private final OpenApiInteractionValidator validator;

    RequestValidation(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The request as the validator sees it; the parts are the ones Javalin parsed from the wire. */
    record Incoming(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                    String body, RequestBody parsedBody) {
        Incoming(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                 String body) {
            this(method, path, query, headers, body, new RequestBody(body));
        }
    }

    /** Every problem the spec finds, as Klaviyo's error objects; empty when the request is valid. */
    List<ApiError> check(Incoming incoming) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(incoming.method()),
                incoming.path());
        incoming.headers().forEach(builder::withHeader);
        incoming.query().forEach(builder::withQueryParam);
        if (incoming.parsedBody().hasBody()) {
            builder.withBody(incoming.parsedBody());
        }
        List<ApiError> errors = new ArrayList<>();
        ValidationReport report = validator.validateRequest(builder.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                errors.add(toError(message));
            }
        }
        String revision = headerValue(incoming.headers(), "revision");
        if (revision != null && !revision.equals(KlaviyoContract.REVISION)) {
            // The real service also serves older revisions; the sandbox speaks only the one nsbridge is built on.
            errors.add(ApiError.invalidParameter("The sandbox serves revision " + KlaviyoContract.REVISION
                    + " only; got '" + revision + "'.", "revision"));
        }
        return errors;
    }

    private static ApiError toError(ValidationReport.Message message) {
        var context = message.getContext();
        String parameter = context.flatMap(ValidationReport.MessageContext::getParameter).map(Parameter::getName)
                .orElse(null);
        if (parameter == null && message.getKey().startsWith("validation.request.contentType")) {
            parameter = "content-type";
        }
        if (parameter != null) {
            return ApiError.invalidParameter(message.getMessage(), parameter);
        }
        String pointer = context.flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance).filter(p -> !p.isEmpty())
                .orElse("/data");
        if (message.getKey().equals(ADDITIONAL_PROPERTIES)) {
            Matcher unknown = UNKNOWN_PROPERTY.matcher(message.getMessage());
            if (unknown.find()) {
                String field = unknown.group(1);
                return ApiError.invalid("'" + field + "' is not a valid field for this resource.",
                        pointer.replaceAll("/$", "") + "/" + field);
            }
        }
        return ApiError.invalid(message.getMessage(), pointer);
    }

    static String headerValue(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
