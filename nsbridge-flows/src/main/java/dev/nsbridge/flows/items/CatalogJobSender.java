package dev.nsbridge.flows.items;

import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.klaviyo.catalog.KlaviyoCatalog;
import dev.nsbridge.klaviyo.jobs.Job;
import dev.nsbridge.klaviyo.jobs.JobError;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.RecordException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one kind of catalog job, waits for each, and files every refused resource as a record error of its NetSuite
 * row. A job names a failed resource only by its position, in the error's pointer
 * ({@code /data/attributes/items/data/3/…}); jobs are cut in input order, so position and offset lead back to it. A
 * request refused whole is split in halves until the refused resource stands alone.
 *
 * @param <T> what the job carries: an item, a variant, or an id to delete
 */
final class CatalogJobSender<T> {
    private static final Pattern POSITION = Pattern.compile(
            "^/data/(?:attributes/(?:items|variants)/data/)?(\\d+)(?:/|$)");

    private final KlaviyoCatalog catalog;
    private final Function<List<T>, List<Job>> submit;
    private final Function<T, String> key;
    private final Function<T, Object> payload;

    CatalogJobSender(KlaviyoCatalog catalog, Function<List<T>, List<Job>> submit, Function<T, String> key,
                     Function<T, Object> payload) {
        this.catalog = catalog;
        this.submit = submit;
        this.key = key;
        this.payload = payload;
    }

    void send(List<T> resources, List<RecordError> errors) {
        if (resources.isEmpty()) {
            return;
        }
        List<Job> jobs;
        try {
            jobs = submit.apply(resources);
        } catch (RecordException refused) {
            if (resources.size() == 1) {
                errors.add(Refusals.of(key.apply(resources.get(0)), refused, payload.apply(resources.get(0))));
                return;
            }
            send(resources.subList(0, resources.size() / 2), errors);
            send(resources.subList(resources.size() / 2, resources.size()), errors);
            return;
        }
        int offset = 0;
        for (Job job : jobs) {
            Job done = catalog.await(job);
            for (JobError error : done.errors()) {
                Matcher position = POSITION.matcher(error.pointer() == null ? "" : error.pointer());
                // An error without a position can still be placed when its job carried one resource alone.
                int index = position.find() ? offset + Integer.parseInt(position.group(1))
                        : done.totalCount() == 1 ? offset : -1;
                if (index >= offset && index < Math.min(resources.size(), offset + done.totalCount())) {
                    T resource = resources.get(index);
                    errors.add(Refusals.of(key.apply(resource), code(error),
                            "Klaviyo's catalog job refused it: " + (error.detail() == null ? error.title()
                                    : error.detail()) + " (fix: correct the item in NetSuite, then retry)",
                            payload.apply(resource)));
                }
            }
            offset += done.totalCount();
        }
    }

    private static String code(JobError error) {
        return "KLAVIYO_CATALOG_" + (error.code() == null ? "FAILED"
                : error.code().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_"));
    }
}
