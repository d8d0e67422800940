package dev.nsbridge.flows.customers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.profiles.KlaviyoProfile;
import dev.nsbridge.klaviyo.profiles.ProfileFilter;
import dev.nsbridge.klaviyo.profiles.ProfileQuery;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.records.RecordType;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.errors.NsbridgeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes Klaviyo's profile id onto the NetSuite customer, once per customer.
 *
 * <p>A bulk import job does not answer the ids of the profiles it made, so each id is looked up with
 * {@code GET /api/profiles?filter=equals(external_id,"…")} (75/s). That is the cheapest correct path the client
 * offers: single {@code profile-import} calls would answer the id but give up the bulk job's 10,000-a-request import
 * and its import errors, and the job's own {@code /profiles} listing (100 a request) is not in the client yet. The
 * lookup runs only for customers whose field is still empty, so it costs one request per customer in its lifetime,
 * not per run. Once Klaviyo knows the profile the id never changes, so a stored id is never rewritten.
 */
public final class ProfileIds {
    private final KlaviyoClient klaviyo;
    private final NetSuiteClient netSuite;
    private final String field;
    private final boolean enabled;
    /**
     * The customers patched, as they were read. NetSuite moves a record's lastmodifieddate when it is patched, so
     * the run reads each patched customer again at its end: that echo is not a change in NetSuite, and is not
     * imported again. This only saves requests: it lives in memory and dies with the process, so whether a consent
     * is sent never depends on it ({@link Consents} asks Klaviyo what it already holds).
     */
    private final Map<String, Map<String, Object>> patched = new ConcurrentHashMap<>();

    public ProfileIds(KlaviyoClient klaviyo, NetSuiteClient netSuite, String field, boolean enabled) {
        this.klaviyo = klaviyo;
        this.netSuite = netSuite;
        this.field = field;
        this.enabled = enabled;
    }

    List<RecordError> writeBack(List<Outgoing> sent, WriteOptions options, DryRunRecorder recorder) {
        List<RecordError> errors = new ArrayList<>();
        if (!enabled) {
            return errors;
        }
        for (Outgoing out : sent) {
            if (out.row().get(CustomerQuery.PROFILE_ID) != null) {
                continue;
            }
            String path = "/services/rest/record/v1/customer/" + out.key();
            if (options.dryRun()) {
                recorder.record(new DryRunPayload(options.pipeline(), out.key(), "PATCH", path,
                        Json.text(body("<id of the profile with external_id " + out.key() + ">"))));
                continue;
            }
            try {
                Optional<String> id = lookUp(out.key());
                if (id.isEmpty()) {
                    errors.add(Refusals.of(out.key(), "KLAVIYO_PROFILE_NOT_FOUND", "Klaviyo has no profile with"
                            + " external_id " + out.key() + " after the import (fix: retry once Klaviyo has"
                            + " processed it)", body(null)));
                    continue;
                }
                netSuite.records().patch(RecordType.CUSTOMER, Long.parseLong(out.key()), body(id.get()));
                patched.put(out.key(), unchangedByPatch(out.row()));
            } catch (NsbridgeException refusal) {
                if (refusal.category() != NsbridgeException.Category.RECORD) {
                    throw refusal;
                }
                errors.add(Refusals.of(out.key(), refusal, Json.text(body(null))));
            }
        }
        return errors;
    }

    /** Whether this row is a customer read again only because its profile id was just written back. */
    boolean isEcho(Map<String, Object> row) {
        Map<String, Object> before = patched.remove(String.valueOf(row.get("id")));
        return before != null && before.equals(unchangedByPatch(row));
    }

    private static Map<String, Object> unchangedByPatch(Map<String, Object> row) {
        Map<String, Object> rest = new HashMap<>(row);
        rest.remove("lastmodifieddate");
        rest.remove(CustomerQuery.PROFILE_ID);
        return rest;
    }

    private Optional<String> lookUp(String externalId) {
        try (var profiles = klaviyo.profiles().profiles(new ProfileQuery(
                ProfileFilter.equalTo(ProfileFilter.TextField.EXTERNAL_ID, externalId), null, 1, false))) {
            return profiles.findFirst().map(KlaviyoProfile::id);
        }
    }

    private ObjectNode body(String profileId) {
        ObjectNode body = Json.mapper().createObjectNode();
        return profileId == null ? body.putNull(field) : body.put(field, profileId);
    }
}
