package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The catalog's bulk jobs for items and variants (create, update, delete): up to 100 resources and 5 MB a request,
 * at most 500 jobs of a kind in progress (the spec's description of each). The request is checked whole first (a
 * nested {@code custom_metadata} fails it); then each resource succeeds or fails alone, and a failed one is listed
 * in the job's {@code errors}.
 *
 * <p>An error's {@code source.pointer} leads into the request, {@code /data/attributes/items/data/3/attributes/…}
 * (or {@code …/variants/data/3/…}), so a client can tell which resource failed: the spec gives job errors a pointer
 * but no other field that names the resource, and the resources are processed in request order.
 */
final class CatalogJobs {
    static final String CREATE_JOB = "catalog-item-bulk-create-job";
    static final String UPDATE_JOB = "catalog-item-bulk-update-job";
    static final String DELETE_JOB = "catalog-item-bulk-delete-job";
    static final String VARIANT_CREATE_JOB = "catalog-variant-bulk-create-job";
    static final String VARIANT_UPDATE_JOB = "catalog-variant-bulk-update-job";
    static final String VARIANT_DELETE_JOB = "catalog-variant-bulk-delete-job";
    static final int MAX_ITEMS = 100;
    static final int MAX_JOBS_IN_PROGRESS = 500;

    /** What a job's resources are: the list's name in the body and the type of what it writes. */
    private enum Kind {
        ITEMS("items", "catalog-item"),
        VARIANTS("variants", "catalog-variant");

        final String list;
        final String resourceType;

        Kind(String list, String resourceType) {
            this.list = list;
            this.resourceType = resourceType;
        }
    }

    private final KlaviyoStore store;
    private final Catalog catalog;
    private final CatalogVariants variants;

    CatalogJobs(KlaviyoStore store, Catalog catalog, CatalogVariants variants) {
        this.store = store;
        this.catalog = catalog;
        this.variants = variants;
    }

    /** {@code POST /api/catalog-item-bulk-create-jobs}: 202 with the job. */
    ApiAnswer createMany(ApiCall call) {
        return submit(call, CREATE_JOB, Kind.ITEMS, item -> written(catalog.create(item.get("attributes"),
                store.now())));
    }

    /** {@code POST /api/catalog-item-bulk-update-jobs}: 202 with the job; an unknown item fails alone. */
    ApiAnswer updateMany(ApiCall call) {
        return submit(call, UPDATE_JOB, Kind.ITEMS, item -> changed(item, (id, attributes) -> catalog.update(id, attributes, store.now())));
    }

    /** {@code POST /api/catalog-item-bulk-delete-jobs}: 202; an item's variants go with it. */
    ApiAnswer deleteMany(ApiCall call) {
        return submit(call, DELETE_JOB, Kind.ITEMS, item -> {
            String id = item.get("id").asText();
            Optional<ApiError> error = catalog.delete(id);
            error.ifPresentOrElse(e -> { }, () -> variants.deleteOf(id));
            return error.map(CatalogJobs::failed).orElse(JobQueue.Outcome.DONE);
        });
    }

    ApiAnswer createVariants(ApiCall call) {
        return submit(call, VARIANT_CREATE_JOB, Kind.VARIANTS, variant -> written(variants.create(variant,
                store.now())));
    }

    ApiAnswer updateVariants(ApiCall call) {
        return submit(call, VARIANT_UPDATE_JOB, Kind.VARIANTS, variant -> changed(variant,
                (id, attributes) -> variants.update(id, attributes, store.now())));
    }

    ApiAnswer deleteVariants(ApiCall call) {
        return submit(call, VARIANT_DELETE_JOB, Kind.VARIANTS, variant -> variants.delete(variant.get("id")
                .asText()).map(CatalogJobs::failed).orElse(JobQueue.Outcome.DONE));
    }

    /** {@code GET /api/catalog-item-bulk-create-jobs/{job_id}}. */
    ApiAnswer createJob(ApiCall call) {
        return job(call, CREATE_JOB, Kind.ITEMS);
    }

    /** {@code GET /api/catalog-item-bulk-update-jobs/{job_id}}; {@code include=items} adds the items it wrote. */
    ApiAnswer updateJob(ApiCall call) {
        return job(call, UPDATE_JOB, Kind.ITEMS);
    }

    ApiAnswer deleteJob(ApiCall call) {
        return job(call, DELETE_JOB, Kind.ITEMS);
    }

    ApiAnswer variantCreateJob(ApiCall call) {
        return job(call, VARIANT_CREATE_JOB, Kind.VARIANTS);
    }

    ApiAnswer variantUpdateJob(ApiCall call) {
        return job(call, VARIANT_UPDATE_JOB, Kind.VARIANTS);
    }

    ApiAnswer variantDeleteJob(ApiCall call) {
        return job(call, VARIANT_DELETE_JOB, Kind.VARIANTS);
    }

    private static JobQueue.Outcome written(Catalog.Result result) {
        return result.error() == null ? JobQueue.Outcome.wrote(result.id()) : failed(result.error());
    }

    private JobQueue.Outcome changed(JsonNode resource,
                                     BiFunction<String, JsonNode, Optional<ApiError>> update) {
        String id = resource.get("id").asText();
        return update.apply(id, resource.get("attributes")).map(CatalogJobs::failed)
                .orElse(JobQueue.Outcome.wrote(id));
    }

    private ApiAnswer submit(ApiCall call, String type, Kind kind, Function<JsonNode, JobQueue.Outcome> process) {
        if (call.bodyBytes() > Profiles.MAX_BULK_BYTES) {
            throw Profiles.tooLarge("The maximum allowed payload size is 5MB.");
        }
        String listPointer = "/data/attributes/" + kind.list + "/data";
        JsonNode data = call.body().at(listPointer);
        if (data.size() > MAX_ITEMS) {
            throw KlaviyoApiException.invalid("A catalog job accepts up to 100 " + kind.list + "; got "
                    + data.size() + ".", listPointer);
        }
        if (store.jobs.inProgress(type) >= MAX_JOBS_IN_PROGRESS) {
            throw new KlaviyoApiException(new ApiError(429, "throttled", "Request was throttled.",
                    "At most 500 catalog jobs may be in progress.", "/data", null, Map.of()));
        }
        for (int i = 0; i < data.size(); i++) {
            Catalog.checkWrite(data.get(i), listPointer + "/" + i);
        }
        List<JobQueue.Item> jobItems = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode resource = data.get(i);
            String at = listPointer + "/" + i;
            jobItems.add(new JobQueue.Item(resource, () -> positioned(process.apply(resource), at)));
        }
        String jobId = store.jobs.submit(type, call.now(), jobItems);
        KlaviyoJob job = store.jobs.find(jobId, type).orElseThrow();
        return ApiAnswer.of(202, JsonApi.document(resource(job, kind, call.baseUrl()),
                call.selfUrl() + jobId + "/"));
    }

    /** Moves an error's pointer from the resource's own payload ({@code /data/…}) to its place in the request. */
    private static JobQueue.Outcome positioned(JobQueue.Outcome outcome, String at) {
        KlaviyoJob.ItemError error = outcome.error();
        if (error == null) {
            return outcome;
        }
        String pointer = error.pointer() == null ? "/data" : error.pointer();
        String inResource = pointer.startsWith("/data") ? pointer.substring("/data".length()) : "";
        return JobQueue.Outcome.failed(new KlaviyoJob.ItemError(error.code(), error.title(), error.detail(),
                at + inResource));
    }

    private ApiAnswer job(ApiCall call, String type, Kind kind) {
        String jobId = call.pathParam("job_id");
        KlaviyoJob job = store.jobs.find(jobId, type).orElseThrow(() -> new KlaviyoApiException(
                ApiError.notFound("There is no " + type.replace('-', ' ') + " with id '" + jobId + "'.")));
        ObjectNode document = JsonApi.document(resource(job, kind, call.baseUrl()), call.selfUrl());
        if (Includes.of(call).contains(kind.list)) {
            ArrayNode included = document.putArray("included");
            job.resourceIds().stream().distinct().filter(id -> kind == Kind.ITEMS ? catalog.exists(id) : true)
                    .forEach(id -> included.add(kind == Kind.ITEMS ? catalog.resource(id, call.baseUrl())
                            : variants.resource(id, call.baseUrl())));
        }
        return ApiAnswer.of(200, document);
    }

    /** A job with its relationship to what it wrote so far; delete jobs have none in the spec. */
    private static ObjectNode resource(KlaviyoJob job, Kind kind, String baseUrl) {
        ObjectNode resource = Resources.job(job, baseUrl, Resources.JobStyle.CATALOG);
        if (job.type().endsWith("-delete-job")) {
            return resource;
        }
        ObjectNode written = resource.putObject("relationships").putObject(kind.list);
        ArrayNode data = written.putArray("data");
        job.resourceIds().stream().distinct().forEach(id -> data.add(Resources.identifier(kind.resourceType, id)));
        written.set("links", Resources.relationshipLinks(baseUrl, job.type() + "s", job.id(), kind.list));
        return resource;
    }

    private static JobQueue.Outcome failed(ApiError error) {
        return JobQueue.Outcome.failed(new KlaviyoJob.ItemError(error.code(), error.title(), error.detail(),
                error.pointer() == null ? "/data" : error.pointer()));
    }
}
