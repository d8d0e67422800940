package dev.nsbridge.flows.suppressions;

import dev.nsbridge.flows.contact.SubscriptionStatus;
import dev.nsbridge.flows.delivery.Delivery;
import dev.nsbridge.flows.delivery.DryRunPayload;
import dev.nsbridge.flows.delivery.DryRunRecorder;
import dev.nsbridge.flows.delivery.Json;
import dev.nsbridge.flows.delivery.Refusals;
import dev.nsbridge.flows.delivery.WriteOptions;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.records.RecordType;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.NsbridgeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Each suppressed Klaviyo profile as a soft opt-out on the NetSuite customers and contacts with its email. Only an
 * opted-in record (or one with no status) is changed: a confirmed opt-out stays confirmed, and a record already
 * opted out is left alone, so a rerun writes nothing twice. An email NetSuite does not know is not an error:
 * Klaviyo holds people NetSuite never had.
 */
public final class SuppressionDelivery implements Delivery {
    private static final String LOOKUP = "SELECT id, globalsubscriptionstatus, 'customer' AS recordtype FROM customer"
            + " WHERE LOWER(email) = ? UNION ALL SELECT id, globalsubscriptionstatus, 'contact' AS recordtype"
            + " FROM contact WHERE LOWER(email) = ?";

    private final NetSuiteClient netSuite;
    private final DryRunRecorder recorder;

    public SuppressionDelivery(NetSuiteClient netSuite, DryRunRecorder recorder) {
        this.netSuite = netSuite;
        this.recorder = recorder;
    }

    /** The PATCH body: NetSuite takes a select field as a reference by id. */
    static Map<String, Object> body() {
        return Map.of("globalSubscriptionStatus", Map.of("id", String.valueOf(SubscriptionStatus.SOFT_OPT_OUT.id())));
    }

    @Override
    public WriteResult deliver(List<Map<String, Object>> rows, WriteOptions options) {
        List<RecordError> errors = new ArrayList<>();
        long written = 0;
        for (Map<String, Object> row : rows) {
            String key = String.valueOf(row.get("profile_id"));
            String email = String.valueOf(row.get("email")).strip().toLowerCase(Locale.ROOT);
            for (SuiteQlRow match : netSuite.suiteQl().page(SuiteQlQuery.of(LOOKUP, email, email), 0, 1000).rows()) {
                Optional<SubscriptionStatus> status = SubscriptionStatus.fromId(match.string("globalsubscriptionstatus"));
                if (status.map(SubscriptionStatus::isOptOut).orElse(false)) {
                    continue;
                }
                RecordType type = "contact".equals(match.string("recordtype")) ? RecordType.CONTACT : RecordType.CUSTOMER;
                String target = "/services/rest/record/v1/" + type.wireName() + "/" + match.string("id");
                if (options.dryRun()) {
                    recorder.record(new DryRunPayload(options.pipeline(), key, "PATCH", target, Json.text(body())));
                    continue;
                }
                try {
                    netSuite.records().patch(type, match.integer("id"), Json.mapper().valueToTree(body()));
                    written++;
                } catch (NsbridgeException refusal) {
                    if (refusal.category() != NsbridgeException.Category.RECORD) {
                        throw refusal;
                    }
                    Map<String, Object> payload = new LinkedHashMap<>(Json.map(Json.text(row)));
                    payload.put("patch", Map.of("target", target, "body", body()));
                    errors.add(Refusals.of(key, refusal, payload));
                }
            }
        }
        return new WriteResult(written, 0, errors);
    }
}
