package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.jobs.Job;
import dev.nsbridge.klaviyo.jobs.JobError;
import dev.nsbridge.klaviyo.profiles.ProfileJson;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.RecordException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers into Klaviyo: a bulk profile import job per batch (awaited; its import errors become record errors),
 * then consent for opt-ins only ({@link Consents}), then the profile id back on the customer ({@link ProfileIds}).
 * A record refused at one step goes no further. The profile ids reach NetSuite beside the delivery, not in its way:
 * the batch is done once they are looked up and queued.
 */
public final class ProfileDelivery implements Delivery {
    static final String IMPORT_PATH = "/api/profile-bulk-import-jobs";
    private static final String DUPLICATE_PROFILE = "duplicate_profile";

    private final KlaviyoClient klaviyo;
    private final CustomerProfiles mapping;
    private final CustomerFlowSettings settings;
    private final Consents consents;
    private final ProfileIds profileIds;
    private final DryRunRecorder recorder;

    public ProfileDelivery(KlaviyoClient klaviyo, CustomerFlowSettings settings, Consents consents,
                           ProfileIds profileIds, DryRunRecorder recorder) {
        this.klaviyo = klaviyo;
        this.mapping = new CustomerProfiles(settings.mapping());
        this.settings = settings;
        this.consents = consents;
        this.profileIds = profileIds;
        this.recorder = recorder;
    }

    @Override
    public WriteResult deliver(List<Map<String, Object>> rows, WriteOptions options) {
        List<RecordError> errors = new ArrayList<>();
        List<Outgoing> outgoing = new ArrayList<>();
        int skipped = 0; // neither sent nor refused: no contact at all, or only the echo of a profile-id write-back
        for (Map<String, Object> row : rows) {
            if (!options.dryRun() && profileIds.isEcho(row)) {
                skipped++;
                continue;
            }
            ProfileDecision decision = mapping.decide(row);
            if (decision instanceof ProfileDecision.Refuse refuse) {
                errors.add(Refusals.of(refuse.customerId(), refuse.code(), refuse.reason(), unsent(row)));
            } else if (decision instanceof ProfileDecision.Send send) {
                outgoing.add(new Outgoing(send, ProfileAttributes.profile(send.attributes()), row));
            } else {
                skipped++;
            }
        }
        if (options.dryRun()) {
            for (Outgoing out : outgoing) {
                recorder.record(new DryRunPayload(options.pipeline(), out.key(), "POST", IMPORT_PATH,
                        Json.text(ProfileJson.resource(out.profile()))));
            }
            consents.subscribe(outgoing, options, recorder);
            profileIds.writeBack(outgoing, options, recorder);
            return new WriteResult(outgoing.size(), 0, errors, warnings(outgoing, java.util.Set.of()), List.of());
        }
        List<Outgoing> imported = importProfiles(outgoing, errors);
        List<RecordError> refusedConsent = consents.subscribe(imported, options, recorder);
        errors.addAll(refusedConsent);
        java.util.Set<String> refusedKeys = new java.util.HashSet<>();
        refusedConsent.forEach(error -> refusedKeys.add(error.recordKey()));
        errors.addAll(profileIds.writeBack(imported.stream().filter(out -> !refusedKeys.contains(out.key())).toList(),
                options, recorder));
        java.util.Set<String> refusedAnywhere = new java.util.HashSet<>();
        errors.forEach(error -> refusedAnywhere.add(error.recordKey()));
        List<String> whole = imported.stream().filter(out -> out.decision().dropped().isEmpty())
                .map(Outgoing::key).filter(key -> !refusedAnywhere.contains(key)).toList();
        return new WriteResult(Math.max(0, rows.size() - skipped - refusedAnywhere.size()), 0, errors,
                warnings(imported, refusedAnywhere), whole);
    }

    /** A warning for each invalid contact field left out of a customer that went to Klaviyo, with what was sent. */
    private static List<RecordError> warnings(List<Outgoing> sent, java.util.Set<String> refused) {
        return sent.stream().filter(out -> !refused.contains(out.key()))
                .flatMap(out -> out.decision().dropped().stream()
                        .map(dropped -> RecordError.warning(out.key(), dropped.code(), dropped.reason(), sent(out))))
                .toList();
    }

    @Override
    public void complete(WriteOptions options) {
        profileIds.complete(options);
    }

    @Override
    public void close() {
        profileIds.close();
    }

    /** Imports the profiles; answers those Klaviyo took, adding a record error for each one it refused. */
    private List<Outgoing> importProfiles(List<Outgoing> outgoing, List<RecordError> errors) {
        if (outgoing.isEmpty()) {
            return List.of();
        }
        List<Job> jobs;
        try {
            jobs = klaviyo.profileImports().submit(outgoing.stream().map(Outgoing::profile).toList(),
                    List.of(settings.listId()));
        } catch (RecordException refusal) {
            // One profile too large, or one Klaviyo refuses outright, sinks the whole request: isolate it.
            if (outgoing.size() == 1) {
                errors.add(Refusals.of(outgoing.get(0).key(), refusal, sent(outgoing.get(0))));
                return List.of();
            }
            List<Outgoing> taken = new ArrayList<>();
            int half = outgoing.size() / 2;
            taken.addAll(importProfiles(outgoing.subList(0, half), errors));
            taken.addAll(importProfiles(outgoing.subList(half, outgoing.size()), errors));
            return taken;
        }
        Map<String, JobError> failed = new LinkedHashMap<>();
        for (Job job : jobs) {
            Job done = klaviyo.profileImports().await(job.id());
            if (done.failedCount() > 0) {
                klaviyo.profileImports().errors(done.id()).forEach(error -> matchKey(error, outgoing)
                        .ifPresent(key -> failed.putIfAbsent(key, error)));
            }
        }
        List<Outgoing> taken = new ArrayList<>();
        for (Outgoing out : outgoing) {
            JobError error = failed.get(out.key());
            if (error == null) {
                taken.add(out);
            } else if (DUPLICATE_PROFILE.equals(error.code())) {
                if (importAlone(out, errors)) {
                    taken.add(out);
                }
            } else {
                errors.add(Refusals.of(out.key(), "KLAVIYO_IMPORT_" + code(error), "Klaviyo's import job refused the"
                        + " profile: " + Optional.ofNullable(error.detail()).orElse(error.title())
                        + (error.pointer() == null ? "" : " (at " + error.pointer() + ")")
                        + " (fix: correct the customer in NetSuite, then retry)", sent(out)));
            }
        }
        return taken;
    }

    /**
     * A bulk import error says only that another profile holds one of the identifiers; the single import's 409 names
     * that profile, which is what a person needs to merge the two. If the conflict has gone meanwhile, it imports.
     */
    private boolean importAlone(Outgoing out, List<RecordError> errors) {
        try {
            klaviyo.profiles().upsert(out.profile());
            return true;
        } catch (RecordException refusal) {
            errors.add(Refusals.of(out.key(), refusal, sent(out)));
            return false;
        }
    }

    /** Which record an import error is about: by external id in its original payload, else by email. */
    private static Optional<String> matchKey(JobError error, List<Outgoing> outgoing) {
        if (error.originalPayload() == null) {
            return Optional.empty();
        }
        var payload = Json.tree(error.originalPayload());
        // Klaviyo's docs show the original payload both as the attributes and as the resource: read either.
        var attributes = payload.has("attributes") ? payload.path("attributes")
                : payload.has("data") ? payload.path("data").path("attributes") : payload;
        String externalId = attributes.path("external_id").asText(null);
        String email = attributes.path("email").asText(null);
        return outgoing.stream().filter(out -> externalId != null ? externalId.equals(out.profile().externalId())
                : email != null && email.equalsIgnoreCase(out.profile().email())).map(Outgoing::key).findFirst();
    }

    private static String code(JobError error) {
        return error.code() == null ? "FAILED"
                : error.code().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    static String sent(Outgoing out) {
        return Json.text(ProfileJson.resource(out.profile()));
    }

    /** What a refused customer would have sent: its identifiers as NetSuite holds them, so a person sees the fault. */
    private static Map<String, Object> unsent(Map<String, Object> row) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("external_id", row.get("id"));
        payload.put("email", row.get("email"));
        payload.put("phone", row.get("phone"));
        return payload;
    }
}
