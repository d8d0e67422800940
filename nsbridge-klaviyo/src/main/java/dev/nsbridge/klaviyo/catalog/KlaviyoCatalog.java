package dev.nsbridge.klaviyo.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.klaviyo.http.BatchSplitter;
import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.http.QueryString;
import dev.nsbridge.klaviyo.jobs.Job;
import dev.nsbridge.klaviyo.jobs.JobPoller;
import dev.nsbridge.klaviyo.limits.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Catalog items in bulk create jobs of up to 100 ({@code POST /api/catalog-item-bulk-create-jobs}); an account may
 * have 500 jobs in progress, so callers with more than 50,000 items should await jobs as they go.
 */
public final class KlaviyoCatalog {
    public static final BatchSplitter LIMITS = new BatchSplitter(100, BatchSplitter.FIVE_MB, BatchSplitter.FIVE_MB);

    private final KlaviyoHttp http;
    private final JobPoller poller;
    private final BatchSplitter limits;

    public KlaviyoCatalog(KlaviyoHttp http, JobPoller poller) {
        this(http, poller, LIMITS);
    }

    public KlaviyoCatalog(KlaviyoHttp http, JobPoller poller, BatchSplitter limits) {
        this.http = http;
        this.poller = poller;
        this.limits = limits;
    }

    /** One job per 100 items; item failures are listed in each job's {@link Job#errors()} once it is done. */
    public List<Job> submit(List<CatalogItem> items) {
        List<JsonNode> resources = items.stream().<JsonNode>map(KlaviyoCatalog::resource).toList();
        int envelopeBytes = JsonApi.bytes(envelope(List.of())).length;
        List<Job> jobs = new ArrayList<>();
        for (List<JsonNode> chunk : limits.split(resources, envelopeBytes)) {
            jobs.add(Job.from(http.post(Operation.BULK_CREATE_CATALOG_ITEMS,
                    Operation.BULK_CREATE_CATALOG_ITEMS.pathTemplate(), envelope(chunk)).data()));
        }
        return jobs;
    }

    /** {@code GET /api/catalog-item-bulk-create-jobs/{job_id}}. */
    public Job job(String jobId) {
        return Job.from(http.get(Operation.GET_BULK_CREATE_CATALOG_ITEMS_JOB,
                "/api/catalog-item-bulk-create-jobs/" + QueryString.pathSegment(jobId), QueryString.empty()).data());
    }

    public Job await(String jobId) {
        return poller.await(() -> job(jobId));
    }

    /** The spec's {@code CatalogItemCreateQueryResourceObject}. */
    private static ObjectNode resource(CatalogItem item) {
        ObjectNode resource = JsonApi.resource("catalog-item");
        ObjectNode attributes = ((ObjectNode) resource.get("attributes"))
                .put("external_id", item.externalId())
                .put("integration_type", "$custom")
                .put("catalog_type", "$default")
                .put("title", item.title())
                .put("description", item.description())
                .put("url", item.url());
        if (item.price() != null) {
            attributes.put("price", item.price());
        }
        if (item.imageFullUrl() != null) {
            attributes.put("image_full_url", item.imageFullUrl());
        }
        if (!item.customMetadata().isEmpty()) {
            attributes.set("custom_metadata", JsonApi.tree(item.customMetadata()));
        }
        if (item.published() != null) {
            attributes.put("published", item.published());
        }
        return resource;
    }

    private static ObjectNode envelope(List<JsonNode> items) {
        ObjectNode job = JsonApi.resource("catalog-item-bulk-create-job");
        ((ObjectNode) job.get("attributes")).putObject("items").putArray("data").addAll(items);
        return JsonApi.document(job);
    }
}
