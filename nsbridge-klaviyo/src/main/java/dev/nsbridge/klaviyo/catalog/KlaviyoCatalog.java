package dev.nsbridge.klaviyo.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.klaviyo.http.BatchSplitter;
import dev.nsbridge.klaviyo.http.JsonApi;
import dev.nsbridge.klaviyo.http.KlaviyoHttp;
import dev.nsbridge.klaviyo.http.Pages;
import dev.nsbridge.klaviyo.http.QueryString;
import dev.nsbridge.klaviyo.jobs.Job;
import dev.nsbridge.klaviyo.jobs.JobPoller;
import dev.nsbridge.klaviyo.limits.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Catalog items and their variants in bulk jobs: create, update and delete jobs of up to 100 resources and 5 MB
 * each; an account may have 500 jobs of a kind in progress, so callers with more than 50,000 should await jobs as
 * they go. Which items and variants exist is read by id, 100 a request ({@code filter=any(ids,[…])}).
 */
public final class KlaviyoCatalog {
    public static final BatchSplitter LIMITS = new BatchSplitter(100, BatchSplitter.FIVE_MB, BatchSplitter.FIVE_MB);
    private static final int IDS_PER_READ = 100;

    /** Each job type's status endpoint, by the JSON:API type a submitted job answers with. */
    private static final Map<String, Operation> JOB_STATUS = Map.of(
            "catalog-item-bulk-create-job", Operation.GET_BULK_CREATE_CATALOG_ITEMS_JOB,
            "catalog-item-bulk-update-job", Operation.GET_BULK_UPDATE_CATALOG_ITEMS_JOB,
            "catalog-item-bulk-delete-job", Operation.GET_BULK_DELETE_CATALOG_ITEMS_JOB,
            "catalog-variant-bulk-create-job", Operation.GET_BULK_CREATE_CATALOG_VARIANTS_JOB,
            "catalog-variant-bulk-update-job", Operation.GET_BULK_UPDATE_CATALOG_VARIANTS_JOB,
            "catalog-variant-bulk-delete-job", Operation.GET_BULK_DELETE_CATALOG_VARIANTS_JOB);

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

    /** Create jobs; item failures are listed in each job's {@link Job#errors()} once it is done. */
    public List<Job> submit(List<CatalogItem> items) {
        return jobs(Operation.BULK_CREATE_CATALOG_ITEMS, "catalog-item-bulk-create-job", "items",
                items.stream().<JsonNode>map(CatalogResources::itemToCreate).toList());
    }

    /** Update jobs: every field of each item is sent, so the item ends as given. */
    public List<Job> update(List<CatalogItem> items) {
        return jobs(Operation.BULK_UPDATE_CATALOG_ITEMS, "catalog-item-bulk-update-job", "items",
                items.stream().<JsonNode>map(CatalogResources::itemToUpdate).toList());
    }

    /** Delete jobs, by Klaviyo id; an item's variants go with it. */
    public List<Job> delete(List<String> itemIds) {
        return jobs(Operation.BULK_DELETE_CATALOG_ITEMS, "catalog-item-bulk-delete-job", "items",
                itemIds.stream().<JsonNode>map(id -> CatalogResources.identifier("catalog-item", id)).toList());
    }

    public List<Job> submitVariants(List<CatalogVariant> variants) {
        return jobs(Operation.BULK_CREATE_CATALOG_VARIANTS, "catalog-variant-bulk-create-job", "variants",
                variants.stream().<JsonNode>map(CatalogResources::variantToCreate).toList());
    }

    public List<Job> updateVariants(List<CatalogVariant> variants) {
        return jobs(Operation.BULK_UPDATE_CATALOG_VARIANTS, "catalog-variant-bulk-update-job", "variants",
                variants.stream().<JsonNode>map(CatalogResources::variantToUpdate).toList());
    }

    public List<Job> deleteVariants(List<String> variantIds) {
        return jobs(Operation.BULK_DELETE_CATALOG_VARIANTS, "catalog-variant-bulk-delete-job", "variants",
                variantIds.stream().<JsonNode>map(id -> CatalogResources.identifier("catalog-variant", id)).toList());
    }

    /** Which of these item ids Klaviyo holds now. */
    public Set<String> existingItems(Collection<String> itemIds) {
        return existing(Operation.GET_CATALOG_ITEMS, "catalog-item", itemIds);
    }

    /** Which of these variant ids Klaviyo holds now. */
    public Set<String> existingVariants(Collection<String> variantIds) {
        return existing(Operation.GET_CATALOG_VARIANTS, "catalog-variant", variantIds);
    }

    /** The job as it stands, from the status endpoint of its type. */
    public Job job(Job submitted) {
        return job(submitted.type(), submitted.id());
    }

    /** Polls the job until it is done, from the status endpoint of its type. */
    public Job await(Job submitted) {
        return poller.await(() -> job(submitted));
    }

    /** Polls a create job, known by id alone, until it is done. */
    public Job await(String createJobId) {
        return poller.await(() -> job("catalog-item-bulk-create-job", createJobId));
    }

    private Job job(String type, String id) {
        Operation status = JOB_STATUS.get(type);
        if (status == null) {
            throw new IllegalArgumentException("not a catalog job: " + type);
        }
        String path = status.pathTemplate().replace("{job_id}", QueryString.pathSegment(id));
        return Job.from(http.get(status, path, QueryString.empty()).data());
    }

    private List<Job> jobs(Operation operation, String jobType, String list, List<JsonNode> resources) {
        int envelopeBytes = JsonApi.bytes(envelope(jobType, list, List.of())).length;
        List<Job> jobs = new ArrayList<>();
        for (List<JsonNode> chunk : limits.split(resources, envelopeBytes)) {
            jobs.add(Job.from(http.post(operation, operation.pathTemplate(), envelope(jobType, list, chunk)).data()));
        }
        return jobs;
    }

    private Set<String> existing(Operation operation, String type, Collection<String> ids) {
        List<String> all = List.copyOf(new HashSet<>(ids));
        Set<String> found = new HashSet<>();
        for (int from = 0; from < all.size(); from += IDS_PER_READ) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_READ));
            QueryString query = QueryString.empty()
                    .with("filter", "any(ids," + chunk.stream().map(KlaviyoCatalog::quoted)
                            .collect(Collectors.joining(",", "[", "]")) + ")")
                    .with("fields[" + type + "]", "external_id")
                    .with("page[size]", IDS_PER_READ);
            Pages.items(http, operation, operation.pathTemplate(), query, node -> node.path("id").asText())
                    .forEach(found::add);
        }
        return found;
    }

    /** A filter's string value; Klaviyo's filter strings take a backslash before a quote or backslash. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ObjectNode envelope(String jobType, String list, List<JsonNode> resources) {
        ObjectNode job = JsonApi.resource(jobType);
        ((ObjectNode) job.get("attributes")).putObject(list).putArray("data").addAll(resources);
        return JsonApi.document(job);
    }
}
