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
 *
 * <p>The spec names only {@code application/vnd.api+json} as a request body's type, but Klaviyo also reads
 * {@code application/json}: its own guides send {@code accept: application/json}, and its Node SDK
 * ({@code klaviyo-api}, which lets axios set the content type) writes every body as {@code application/json}.
 * Both are checked against the same schema here.
 */
final class RequestValidation {
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("\\[\"([^\"]+)\"");
    private static final String ADDITIONAL_PROPERTIES = "validation.request.body.schema.additionalProperties";
    private static final Pattern MEDIA_TYPE_JSON = Pattern.compile("(?i)\\bapplication/json\\b");

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
        incoming.headers().forEach((name, value) -> builder.withHeader(name, asSpecMediaType(name, value)));
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
            // Klaviyo serves every published revision still in support (two years after release), each with its own
            // request and response shapes. The sandbox holds one spec, so it cannot answer an older revision as
            // Klaviyo would; refusing is better than answering in the wrong shape. Klaviyo's Node SDK 23.0.0 and
            // nsbridge both send 2026-07-15.
            errors.add(ApiError.invalidParameter("The sandbox serves revision " + KlaviyoContract.REVISION
                    + " only; got '" + revision + "'.", "revision"));
        }
        return errors;
    }

    /** {@code application/json} (with or without parameters) is read as the spec's JSON:API media type. */
    private static String asSpecMediaType(String header, String value) {
        if (!header.equalsIgnoreCase("content-type") && !header.equalsIgnoreCase("accept")) {
            return value;
        }
        return MEDIA_TYPE_JSON.matcher(value).replaceAll(JsonApi.MEDIA_TYPE);
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
