package dev.nsbridge.flows.customers;

import dev.nsbridge.flows.read.FlowSelect;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.source.NetSuiteSource;
import dev.nsbridge.netsuite.source.QueryStreams;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The active customers whose Klaviyo profile id field is still empty, in groups: what the write-back has not done
 * yet, whether its PATCH was lost with a process, left out of a full queue, refused, or the profile was not yet
 * in Klaviyo. Reading NetSuite's own field makes the write-back re-derivable from the two systems alone. Only ids
 * are read, as a query stream the NetSuite source reads in full in id order, of customers with an email or a phone
 * (one with neither is never sent). A customer that has one but was refused is read every time and then not found
 * in Klaviyo, which costs a lookup per 100 such customers a run. The flow's own filter and subsidiaries are not
 * applied: a profile Klaviyo holds under a customer's NetSuite id as its external id is that customer's, whoever
 * sent it.
 */
final class MissingProfileIds {
    private static final String ID = "id";

    private final NetSuiteSource netSuite;
    private final StreamDescriptor stream;

    MissingProfileIds(NetSuiteClient netSuite, String field) {
        this.netSuite = new NetSuiteSource(netSuite);
        this.stream = this.netSuite.describeQuery(new QueryStreams.Definition("customers_without_profile_id",
                "SELECT c.id AS id FROM customer c WHERE " + FlowSelect.field("c", field) + " IS NULL"
                        + " AND c.isinactive = 'F' AND (c.email IS NOT NULL OR c.phone IS NOT NULL)",
                List.of(ID), Optional.empty(), List.of(new Column(ID, ColumnType.INTEGER))));
    }

    /** Hands the missing customers' ids to {@code group}, {@code size} at a time, in id order. */
    void forEachGroup(int size, Consumer<List<String>> group) {
        List<String> pending = new ArrayList<>(size);
        try (BatchReader reader = netSuite.read(new ReadRequest(stream, List.of(), ReadMode.FULL, State.EMPTY,
                Optional.empty(), Duration.ZERO, Optional.empty()))) {
            for (Optional<Batch> batch = reader.next(); batch.isPresent(); batch = reader.next()) {
                for (Object[] row : batch.get().rows()) {
                    pending.add(String.valueOf(row[0]));
                    if (pending.size() == size) {
                        group.accept(List.copyOf(pending));
                        pending.clear();
                    }
                }
            }
        } catch (InterruptedException interrupted) {
            // A cancelled run stops here; the customers left are found again by the next run's sweep.
            Thread.currentThread().interrupt();
            return;
        }
        if (!pending.isEmpty()) {
            group.accept(List.copyOf(pending));
        }
    }
}
