package dev.nsbridge.sandbox.klaviyo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reading bulk profile import jobs: one job, the account's jobs (filter on {@code status}, sort on
 * {@code created_at}, cursor paging), a job's import errors, and the profiles a job wrote, whole or as ids.
 */
final class ProfileImportJobs {
    private static final int DEFAULT_PAGE_SIZE = 20;

    private final KlaviyoStore store;
    private final Profiles profiles;

    ProfileImportJobs(KlaviyoStore store, Profiles profiles) {
        this.store = store;
        this.profiles = profiles;
    }

    /** A job with the relationships the spec gives it: its lists, its profiles and its import errors. */
    static ObjectNode resource(KlaviyoJob job, List<String> listIds, String baseUrl) {
        ObjectNode resource = Resources.job(job, baseUrl, Resources.JobStyle.IMPORT);
        ObjectNode relationships = resource.putObject("relationships");
        ObjectNode lists = relationships.putObject("lists");
        ArrayNode listData = lists.putArray("data");
        listIds.forEach(id -> listData.add(Resources.identifier("list", id)));
        lists.set("links", Resources.relationshipLinks(baseUrl, "profile-bulk-import-jobs", job.id(), "lists"));
        relationships.putObject("profiles").set("links",
                Resources.relationshipLinks(baseUrl, "profile-bulk-import-jobs", job.id(), "profiles"));
        relationships.putObject("import-errors").putObject("links").put("related",
                baseUrl + "/api/profile-bulk-import-jobs/" + job.id() + "/import-errors/");
        return resource;
    }

    /** {@code GET /api/profile-bulk-import-jobs/{job_id}}. */
    ApiAnswer job(ApiCall call) {
        KlaviyoJob job = find(call.pathParam("job_id"));
        return ApiAnswer.of(200, JsonApi.document(resource(job, profiles.jobLists(job.id()), call.baseUrl()),
                call.selfUrl()));
    }

    /** {@code GET /api/profile-bulk-import-jobs}: filter {@code status} (equals, any), sort {@code created_at}. */
    ApiAnswer jobs(ApiCall call) {
        Predicate<KlaviyoJob> filter = job -> true;
        for (FilterTerms.Term term : FilterTerms.parse(call.queryParam("filter"))) {
            if (!term.field().equals("status")
                    || !term.operator().equals("equals") && !term.operator().equals("any")) {
                throw term.unsupported();
            }
            List<String> statuses = term.list();
            filter = filter.and(job -> statuses.contains(job.status()));
        }
        Comparator<KlaviyoJob> order = Comparator.comparing(KlaviyoJob::createdAt).thenComparing(KlaviyoJob::id);
        if ("-created_at".equals(call.queryParam("sort"))) {
            order = order.reversed();
        }
        List<KlaviyoJob> matching = store.jobs.all(Profiles.IMPORT_JOB).stream().filter(filter).sorted(order)
                .toList();
        return Paging.page(call, matching, DEFAULT_PAGE_SIZE,
                job -> resource(job, profiles.jobLists(job.id()), call.baseUrl()));
    }

    /** {@code GET /api/profile-bulk-import-jobs/{id}/import-errors}: one entry per refused profile. */
    ApiAnswer importErrors(ApiCall call) {
        String jobId = call.pathParam("id");
        find(jobId);
        ArrayNode data = JsonApi.array();
        for (JobQueue.Failure failure : store.jobs.failures(jobId)) {
            ObjectNode attributes = JsonApi.object();
            attributes.put("code", failure.error().code());
            attributes.put("title", failure.error().title());
            attributes.put("detail", failure.error().detail());
            attributes.set("source", JsonApi.object().put("pointer", failure.error().pointer()));
            attributes.set("original_payload", failure.payload());
            ObjectNode entry = data.addObject();
            entry.put("type", "import-error");
            entry.put("id", jobId + "-" + data.size());
            entry.set("attributes", attributes);
        }
        return ApiAnswer.of(200, JsonApi.document(data, call.selfUrl()));
    }

    /** {@code GET /api/profile-bulk-import-jobs/{id}/profiles}: the profiles the job created or updated so far. */
    ApiAnswer profiles(ApiCall call) {
        ProfileExtras extras = ProfileExtras.of(call);
        return Paging.page(call, written(call.pathParam("id")), DEFAULT_PAGE_SIZE,
                profile -> Resources.profile(profile, call.baseUrl(), extras));
    }

    /** {@code GET /api/profile-bulk-import-jobs/{id}/relationships/profiles}: the same profiles, as identifiers. */
    ApiAnswer profileIds(ApiCall call) {
        return Paging.page(call, written(call.pathParam("id")), DEFAULT_PAGE_SIZE,
                profile -> Resources.identifier("profile", profile.id));
    }

    /** Each profile once, in the order the job first wrote it; a profile imported twice is listed once. */
    private List<StoredProfile> written(String jobId) {
        return find(jobId).resourceIds().stream().distinct().map(store.profiles::find)
                .flatMap(Optional::stream).toList();
    }

    private KlaviyoJob find(String jobId) {
        return store.jobs.find(jobId, Profiles.IMPORT_JOB).orElseThrow(() -> new KlaviyoApiException(
                ApiError.notFound("There is no profile bulk import job with id '" + jobId + "'.")));
    }
}
