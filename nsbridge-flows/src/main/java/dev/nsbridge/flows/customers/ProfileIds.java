package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.profiles.ProfileFilter;
import dev.nsbridge.klaviyo.profiles.ProfileQuery;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.spi.data.RecordError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes Klaviyo's profile id onto the NetSuite customer, once per customer.
 *
 * <p>A bulk import job does not answer the ids of the profiles it made, so they are read back 100 at a time with
 * {@code GET /api/profiles?filter=any(external_id,[…])&page[size]=100} (75/s burst, 750/min steady: 75,000 ids a
 * minute). Klaviyo's other way, the import job's own {@code GET /api/profile-bulk-import-jobs/{id}/profiles}, also
 * pages 100 profiles a request but under the bulk-job limit (10/s, 150/min: 15,000 ids a minute), and it lists every
 * profile of the job, not only those still missing an id. The lookup runs only for customers whose field is still
 * empty, so a customer costs a hundredth of a request in its lifetime, not one per run. Once Klaviyo knows the
 * profile the id never changes, so a stored id is never rewritten.
 *
 * <p>The PATCHes to NetSuite go beside the delivery ({@link ProfileIdPatches}); at the end of a complete run the
 * customers still without an id ({@link MissingProfileIds}) are looked up and patched, which is how a write-back a
 * crash cut short is made good.
 */
public final class ProfileIds {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileIds.class);
    private final KlaviyoClient klaviyo;
    private final boolean enabled;
    private final ProfileIdPatches patches;
    private final MissingProfileIds missing;

    public ProfileIds(KlaviyoClient klaviyo, NetSuiteClient netSuite, String field, boolean enabled) {
        this(klaviyo, netSuite, field, enabled, ProfileIdPatches.QUEUE_CAPACITY);
    }

    /**
     * Profile ids that are never written back: for a delivery that has no NetSuite connection (the Kafka Connect
     * sink). Nothing here then reaches for NetSuite: no PATCH is queued and no end-of-run sweep runs.
     */
    public static ProfileIds withoutWriteBack(KlaviyoClient klaviyo, String field) {
        return new ProfileIds(klaviyo, null, field, false);
    }

    /** @param queueCapacity the PATCHes held in memory at most; past it they wait for the end-of-run sweep */
    public ProfileIds(KlaviyoClient klaviyo, NetSuiteClient netSuite, String field, boolean enabled,
                      int queueCapacity) {
        this.klaviyo = klaviyo;
        this.enabled = enabled;
        this.patches = new ProfileIdPatches(netSuite, field, queueCapacity);
        this.missing = enabled ? new MissingProfileIds(netSuite, field) : null;
    }

    /**
     * Looks up the ids of the sent customers that have none yet and queues their write-back; answers a record error
     * for each one Klaviyo does not know.
     */
    List<RecordError> writeBack(List<Outgoing> sent, WriteOptions options, DryRunRecorder recorder) {
        List<RecordError> errors = new ArrayList<>();
        if (!enabled) {
            return errors;
        }
        List<Outgoing> without = sent.stream().filter(out -> out.row().get(CustomerQuery.PROFILE_ID) == null)
                .toList();
        if (options.dryRun()) {
            without.forEach(out -> recorder.record(new DryRunPayload(options.pipeline(), out.key(), "PATCH",
                    "/services/rest/record/v1/customer/" + out.key(),
                    Json.text(patches.body("<id of the profile with external_id " + out.key() + ">")))));
            return errors;
        }
        Map<String, String> ids = lookUp(without.stream().map(Outgoing::key).toList());
        for (Outgoing out : without) {
            String id = ids.get(out.key());
            if (id == null) {
                errors.add(Refusals.of(out.key(), "KLAVIYO_PROFILE_NOT_FOUND", "Klaviyo has no profile with"
                        + " external_id " + out.key() + " after the import (fix: retry once Klaviyo has"
                        + " processed it)", patches.body(null)));
            } else {
                patches.submit(out.key(), id, out.row());
            }
        }
        return errors;
    }

    /**
     * The run read everything: sends what is queued, then writes the id of every customer NetSuite still holds
     * without one that Klaviyo knows.
     */
    void complete(WriteOptions options) {
        if (!enabled || options.dryRun()) {
            return;
        }
        patches.drain();
        missing.forEachGroup(ProfileQuery.MAX_PAGE_SIZE, customers -> lookUp(customers)
                .forEach(patches::submitWaiting));
        patches.drain();
        ProfileIdPatches.Counts counts = patches.takeCounts();
        LOG.info("Klaviyo profile ids written to NetSuite this run: {}; refused by NetSuite: {} (tried again next"
                + " run); past the queue, left to the sweep: {}", counts.sent(), counts.refused(), counts.deferred());
    }

    /** Sends what is queued before the run lets go of its resources. */
    void close() {
        patches.drain();
    }

    /** Whether this row is a customer read again only because its profile id was just written back. */
    boolean isEcho(Map<String, Object> row) {
        return patches.isEcho(row);
    }

    /** Klaviyo's profile ids of these customers (external ids), by external id; absent when Klaviyo has none. */
    private Map<String, String> lookUp(Collection<String> externalIds) {
        Map<String, String> ids = new HashMap<>();
        List<String> all = externalIds.stream().distinct().toList();
        for (int from = 0; from < all.size(); from += ProfileQuery.MAX_PAGE_SIZE) {
            List<String> group = all.subList(from, Math.min(all.size(), from + ProfileQuery.MAX_PAGE_SIZE));
            try (var profiles = klaviyo.profiles().profiles(new ProfileQuery(
                    ProfileFilter.anyOf(ProfileFilter.TextField.EXTERNAL_ID, group), null,
                    ProfileQuery.MAX_PAGE_SIZE, false))) {
                profiles.filter(profile -> profile.externalId() != null)
                        .forEach(profile -> ids.put(profile.externalId(), profile.id()));
            }
        }
        return ids;
    }
}
