package dev.nsbridge.netsuite.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.testing.SandboxClients;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Options;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.ColumnType;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom fields discovered from the sandbox's metadata catalog, merged into the tables and cached. */
final class CustomFieldCatalogIT {
    /** Record types whose schema the catalog reads: customer, contact, employee, vendor, salesorder, invoice, item. */
    private static final int RECORD_TYPES = 7;

    /** One account for the class: each test has its own state directory, so its own cache, and counts deltas. */
    private static NetSuiteSandbox sandbox;
    @TempDir
    Path state;
    private SandboxClients clients;

    @BeforeAll
    static void start() {
        sandbox = NetSuiteSandbox.start(Options.defaults().withScale(0.02));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** One schema per standard record type, the list of types, and one schema per custom record type it lists. */
    private static long catalogRequests() {
        return RECORD_TYPES + 1 + sandbox.account().schemaTypes().stream().filter(t -> t.startsWith("customrecord"))
                .count();
    }

    @BeforeEach
    void clients() {
        clients = new SandboxClients(sandbox, state);
    }

    private static Map<String, ColumnType> custom(StreamDescriptor stream, String prefix) {
        return stream.columns().stream().filter(c -> c.name().startsWith(prefix))
                .collect(Collectors.toMap(Column::name, Column::type));
    }

    private static Map<String, StreamDescriptor> byName(List<StreamDescriptor> streams) {
        return streams.stream().collect(Collectors.toMap(StreamDescriptor::name, s -> s));
    }

    @Test
    void shouldAddEachTablesCustomFieldsWithTheirTypes() {
        Map<String, StreamDescriptor> streams = byName(clients.tba().catalog().streams(false));

        assertThat(custom(streams.get("customer"), "cust")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "custentity_klaviyo_profile_id", ColumnType.STRING,
                "custentity_vip", ColumnType.BOOLEAN,
                "custentity_birthday", ColumnType.DATE,
                "custentity_loyalty_points", ColumnType.INTEGER,
                "custentity_last_synced", ColumnType.TIMESTAMP,
                "custentity_loyalty_tier", ColumnType.STRING));
        assertThat(custom(streams.get("contact"), "cust")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "custentity_klaviyo_profile_id", ColumnType.STRING,
                "custentity_secondary_email", ColumnType.STRING));
        assertThat(custom(streams.get("entity"), "custentity")).isEmpty();
        assertThat(custom(streams.get("transaction"), "cust")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "custbody_sales_channel", ColumnType.STRING,
                "custbody_gift_order", ColumnType.BOOLEAN,
                "custbody_requested_delivery", ColumnType.DATE,
                "custbody_discount_rate", ColumnType.DECIMAL,
                "custbody_klaviyo_event_id", ColumnType.STRING));
        assertThat(custom(streams.get("transactionline"), "cust")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "custcol_gift_wrap", ColumnType.BOOLEAN,
                "custcol_engraving", ColumnType.STRING,
                "custcol_promised_ship", ColumnType.DATE));
        assertThat(custom(streams.get("item"), "cust")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "custitem_brand", ColumnType.STRING,
                "custitem_launch_date", ColumnType.DATE,
                "custitem_weight_kg", ColumnType.DECIMAL,
                "custitem_featured", ColumnType.BOOLEAN));
        assertThat(custom(streams.get("subsidiary"), "cust")).isEmpty();
    }

    @Test
    void shouldKeepTheStandardColumnsKeyAndCursorAheadOfTheCustomFields() {
        StreamDescriptor standard = NetSuiteTables.named("transactionline").orElseThrow();

        StreamDescriptor merged = clients.tba().catalog().stream("transactionline", false).orElseThrow();

        assertThat(merged.columns().subList(0, standard.columns().size())).isEqualTo(standard.columns());
        assertThat(merged.columns()).hasSize(standard.columns().size() + 3);
        assertThat(merged.primaryKey()).containsExactly("transaction", "id");
        assertThat(merged.cursor()).contains("linelastmodifieddate");
    }

    @Test
    void shouldAnswerFromTheCacheFileWithinItsTimeToLive() {
        NetSuiteClient first = clients.tba();
        first.catalog().streams(false);
        long afterFirst = sandbox.stats().requests();

        first.catalog().streams(false);
        NetSuiteClient restarted = clients.tba();
        List<StreamDescriptor> again = restarted.catalog().streams(false);
        sandbox.clock().advance(NetSuiteClient.CATALOG_TIME_TO_LIVE.minus(Duration.ofMinutes(1)));
        restarted.catalog().streams(false);

        // Only the restarted client's governanceLimits read went out: every field came from the cache file.
        assertThat(sandbox.stats().requests()).isEqualTo(afterFirst + 1);
        assertThat(Files.exists(state.resolve("netsuite-catalog-" + clients.account().value() + ".json"))).isTrue();
        assertThat(custom(byName(again).get("customer"), "custentity")).containsKey("custentity_klaviyo_profile_id");
    }

    @Test
    void shouldReadTheCatalogAgainOnDemandOncePerRecordType() {
        NetSuiteClient client = clients.tba();
        client.catalog().streams(false);
        long before = sandbox.stats().requests();

        List<StreamDescriptor> refreshed = client.catalog().streams(true);

        assertThat(sandbox.stats().requests() - before).isEqualTo(catalogRequests());
        assertThat(custom(byName(refreshed).get("item"), "custitem")).hasSize(4);
    }

    @Test
    void shouldReadTheCatalogAgainOnceTheTimeToLiveHasPassed() {
        NetSuiteClient client = clients.tba();
        client.catalog().streams(false);
        long before = sandbox.stats().requests();

        sandbox.clock().advance(NetSuiteClient.CATALOG_TIME_TO_LIVE.plus(Duration.ofMinutes(1)));
        client.catalog().streams(false);
        long afterExpiry = sandbox.stats().requests();
        client.catalog().streams(false);

        assertThat(afterExpiry - before).isEqualTo(catalogRequests());
        assertThat(sandbox.stats().requests()).isEqualTo(afterExpiry);
    }

    @Test
    void shouldReadTheCatalogAgainWhenTheCacheFileIsDamaged() throws Exception {
        NetSuiteClient client = clients.tba();
        client.catalog().streams(false);
        Files.writeString(state.resolve("netsuite-catalog-" + clients.account().value() + ".json"), "{not json");
        long before = sandbox.stats().requests();

        StreamDescriptor customer = client.catalog().stream("customer", false).orElseThrow();

        assertThat(sandbox.stats().requests() - before).isEqualTo(1);
        assertThat(custom(customer, "custentity")).hasSize(6);
    }
}
