package dev.nsbridge.bench.klaviyo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nsbridge.klaviyo.KlaviyoClient;
import dev.nsbridge.klaviyo.profiles.KlaviyoProfile;
import dev.nsbridge.klaviyo.profiles.ProfileFilter;
import dev.nsbridge.klaviyo.profiles.ProfileQuery;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.records.RecordType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The profile-id write-back as the customers flow did it before ids were looked up in bulk, kept here only as the
 * benchmark's baseline: for each customer, one {@code GET /api/profiles?filter=equals(external_id,…)&page[size]=1},
 * then the PATCH of that one customer, one after the other on the delivery's thread.
 */
final class PerProfileWriteBack {
    private final KlaviyoClient klaviyo;
    private final NetSuiteClient netSuite;
    private final String field;

    PerProfileWriteBack(KlaviyoClient klaviyo, NetSuiteClient netSuite, String field) {
        this.klaviyo = klaviyo;
        this.netSuite = netSuite;
        this.field = field;
    }

    /** What one window of the old path did. */
    record Outcome(long customers, long lookups, Duration took) {
        double perSecond() {
            return customers / (took.toMillis() / 1000.0);
        }
    }

    /** Writes back the customers' ids in order until {@code window} has passed; answers how far it got. */
    Outcome run(List<String> customerIds, Duration window) {
        long start = System.nanoTime();
        long deadline = start + window.toNanos();
        long done = 0;
        long lookups = 0;
        for (String customer : customerIds) {
            if (System.nanoTime() >= deadline) {
                break;
            }
            Optional<String> id = lookUp(customer);
            lookups++;
            if (id.isPresent()) {
                netSuite.records().patch(RecordType.CUSTOMER, Long.parseLong(customer),
                        JsonNodeFactory.instance.objectNode().put(field, id.get()));
            }
            done++;
        }
        return new Outcome(done, lookups, Duration.ofNanos(System.nanoTime() - start));
    }

    private Optional<String> lookUp(String externalId) {
        try (var profiles = klaviyo.profiles().profiles(new ProfileQuery(
                ProfileFilter.equalTo(ProfileFilter.TextField.EXTERNAL_ID, externalId), null, 1, false))) {
            return profiles.findFirst().map(KlaviyoProfile::id);
        }
    }
}
