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
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.netsuite.source.QueryStreams;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.RecordError;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import dev.nsbridge.spi.destination.WriteResult;
import dev.nsbridge.spi.errors.NsbridgeException;
import java.time.Duration;
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
 *
 * <p>The customers and contacts of a batch's emails are found with one read by key through the NetSuite source: a
 * query stream of both, keyed for this lookup by the email in lower case (an email may belong to several records,
 * and each comes back).
 */
public final class SuppressionDelivery implements Delivery {
    private static final String EMAIL = "email";
    private static final QueryStreams.Definition PEOPLE = new QueryStreams.Definition("people_by_email",
            "SELECT LOWER(email) AS email, id, globalsubscriptionstatus, 'customer' AS recordtype FROM customer"
                    + " WHERE email IS NOT NULL UNION ALL SELECT LOWER(email) AS email, id,"
                    + " globalsubscriptionstatus, 'contact' AS recordtype FROM contact WHERE email IS NOT NULL",
            List.of(EMAIL), Optional.empty(), List.of(new Column(EMAIL, ColumnType.STRING),
                    new Column("id", ColumnType.INTEGER), new Column("globalsubscriptionstatus", ColumnType.STRING),
                    new Column("recordtype", ColumnType.STRING)));

    private final NetSuiteClient netSuite;
    private final NetSuiteSource source;
    private final StreamDescriptor people;
    private final DryRunRecorder recorder;

    public SuppressionDelivery(NetSuiteClient netSuite, DryRunRecorder recorder) {
        this.netSuite = netSuite;
        this.source = new NetSuiteSource(netSuite);
        this.people = source.describeQuery(PEOPLE);
        this.recorder = recorder;
    }

    /** The customers and contacts of these emails (lower case), by email. */
    private Map<String, List<Map<String, Object>>> byEmail(List<String> emails) {
        Map<String, List<Map<String, Object>>> found = new LinkedHashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        ReadRequest request = new ReadRequest(people, List.of(), ReadMode.FULL, State.EMPTY, Optional.empty(),
                Duration.ZERO, Optional.empty());
        for (Batch batch : source.readQueryKeys(request, emails.stream().distinct().map(e -> List.<Object>of(e))
                .toList())) {
            batch.rowMaps().forEach(match -> found.computeIfAbsent(String.valueOf(match.get(EMAIL)),
                    email -> new ArrayList<>()).add(match));
        }
        return found;
    }

    /** The PATCH body: NetSuite takes a select field as a reference by id. */
    static Map<String, Object> body() {
        return Map.of("globalSubscriptionStatus", Map.of("id", String.valueOf(SubscriptionStatus.SOFT_OPT_OUT.id())));
    }

    @Override
    public WriteResult deliver(List<Map<String, Object>> rows, WriteOptions options) {
        List<RecordError> errors = new ArrayList<>();
        long written = 0;
        Map<String, List<Map<String, Object>>> people = byEmail(rows.stream().map(SuppressionDelivery::email)
                .toList());
        for (Map<String, Object> row : rows) {
            String key = String.valueOf(row.get("profile_id"));
            for (Map<String, Object> match : people.getOrDefault(email(row), List.of())) {
                Optional<SubscriptionStatus> status = SubscriptionStatus.fromId(text(match, "globalsubscriptionstatus"));
                if (status.map(SubscriptionStatus::isOptOut).orElse(false)) {
                    continue;
                }
                RecordType type = "contact".equals(text(match, "recordtype")) ? RecordType.CONTACT
                        : RecordType.CUSTOMER;
                String target = "/services/rest/record/v1/" + type.wireName() + "/" + match.get("id");
                if (options.dryRun()) {
                    recorder.record(new DryRunPayload(options.pipeline(), key, "PATCH", target, Json.text(body())));
                    continue;
                }
                try {
                    netSuite.records().patch(type, (Long) match.get("id"), Json.mapper().valueToTree(body()));
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

    private static String email(Map<String, Object> row) {
        return String.valueOf(row.get(EMAIL)).strip().toLowerCase(Locale.ROOT);
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? null : value.toString();
    }
}
