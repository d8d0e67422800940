package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog's bulk create and update jobs: up to 100 items and 5 MB a request, at most 500 jobs of a kind in
 * progress (the spec's description of each). The request is checked whole first (a nested {@code custom_metadata}
 * fails it); then each item succeeds or fails alone, and a failed item is listed in the job's {@code errors}.
 */
final class CatalogJobs {
    static final String CREATE_JOB = "catalog-item-bulk-create-job";
    static final String UPDATE_JOB = "catalog-item-bulk-update-job";
    static final int MAX_ITEMS = 100;
    static final int MAX_JOBS_IN_PROGRESS = 500;

    private final KlaviyoStore store;
    private final Catalog catalog;

    CatalogJobs(KlaviyoStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** {@code POST /api/catalog-item-bulk-create-jobs}: 202 with the job. */
    ApiAnswer createMany(ApiCall call) {
        return submit(call, CREATE_JOB, item -> {
            Catalog.Result result = catalog.create(item.get("attributes"), store.now());
            return result.error() == null ? JobQueue.Outcome.wrote(result.id()) : failed(result.error());
        });
    }

    /** {@code POST /api/catalog-item-bulk-update-jobs}: 202 with the job; an unknown item fails alone. */
    ApiAnswer updateMany(ApiCall call) {
        return submit(call, UPDATE_JOB, item -> {
            String id = item.get("id").asText();
            Optional<ApiError> error = catalog.update(id, item.get("attributes"), store.now());
            return error.map(CatalogJobs::failed).orElse(JobQueue.Outcome.wrote(id));
        });
    }

    /** {@code GET /api/catalog-item-bulk-create-jobs/{job_id}}. */
    ApiAnswer createJob(ApiCall call) {
        return job(call, CREATE_JOB, "catalog item bulk create job");
    }

    /** {@code GET /api/catalog-item-bulk-update-jobs/{job_id}}; {@code include=items} adds the items it wrote. */
    ApiAnswer updateJob(ApiCall call) {
        return job(call, UPDATE_JOB, "catalog item bulk update job");
    }

    private ApiAnswer submit(ApiCall call, String type, Function<JsonNode, JobQueue.Outcome> process) {
        if (call.bodyBytes() > Profiles.MAX_BULK_BYTES) {
            throw Profiles.tooLarge("The maximum allowed payload size is 5MB.");
        }
        JsonNode data = call.body().at("/data/attributes/items/data");
        if (data.size() > MAX_ITEMS) {
            throw KlaviyoApiException.invalid("A catalog job accepts up to 100 items; got " + data.size() + ".",
                    "/data/attributes/items/data");
        }
        if (store.jobs.inProgress(type) >= MAX_JOBS_IN_PROGRESS) {
            throw new KlaviyoApiException(new ApiError(429, "throttled", "Request was throttled.",
                    "At most 500 catalog jobs may be in progress.", "/data", null, Map.of()));
        }
        for (int i = 0; i < data.size(); i++) {
            Catalog.checkWrite(data.get(i), "/data/attributes/items/data/" + i);
        }
        List<JobQueue.Item> jobItems = new ArrayList<>();
        for (JsonNode item : data) {
            jobItems.add(new JobQueue.Item(item, () -> process.apply(item)));
        }
        String jobId = store.jobs.submit(type, call.now(), jobItems);
        KlaviyoJob job = store.jobs.find(jobId, type).orElseThrow();
        return ApiAnswer.of(202, JsonApi.document(resource(job, call.baseUrl()), call.selfUrl() + jobId + "/"));
    }

    private ApiAnswer job(ApiCall call, String type, String name) {
        String jobId = call.pathParam("job_id");
        KlaviyoJob job = store.jobs.find(jobId, type).orElseThrow(() -> new KlaviyoApiException(
                ApiError.notFound("There is no " + name + " with id '" + jobId + "'.")));
        ObjectNode document = JsonApi.document(resource(job, call.baseUrl()), call.selfUrl());
        if (Includes.of(call).contains("items")) {
            ArrayNode included = document.putArray("included");
            job.resourceIds().stream().distinct().forEach(id -> included.add(catalog.resource(id, call.baseUrl())));
        }
        return ApiAnswer.of(200, document);
    }

    /** A job with its {@code items} relationship: the items it wrote so far. */
    private static ObjectNode resource(KlaviyoJob job, String baseUrl) {
        ObjectNode resource = Resources.job(job, baseUrl, Resources.JobStyle.CATALOG);
        ObjectNode items = resource.putObject("relationships").putObject("items");
        ArrayNode data = items.putArray("data");
        job.resourceIds().stream().distinct().forEach(id -> data.add(Resources.identifier("catalog-item", id)));
        items.set("links", Resources.relationshipLinks(baseUrl, job.type() + "s", job.id(), "items"));
        return resource;
    }

    private static JobQueue.Outcome failed(ApiError error) {
        return JobQueue.Outcome.failed(new KlaviyoJob.ItemError(error.code(), error.title(), error.detail(),
                error.pointer() == null ? "/data" : error.pointer()));
    }
}
