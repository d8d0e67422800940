package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nsbridge.app.demo.KlaviyoDemoStep;
import dev.nsbridge.sandbox.klaviyo.KlaviyoCatalogItem;
import dev.nsbridge.sandbox.klaviyo.KlaviyoEvent;
import dev.nsbridge.sandbox.klaviyo.KlaviyoSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.data.NetSuiteAccount;
import dev.nsbridge.testsupport.PostgresServer;
import dev.nsbridge.testsupport.PostgresServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox account's hard text (accents, Polish, Turkish, Vietnamese, CJK, emoji, Arabic, Hebrew, quotes,
 * backslashes, characters outside the BMP) taken by nsbridge to DuckDB, PostgreSQL and Klaviyo, and compared byte for
 * byte with the sandbox's own store. Expected values are read from the store, never written here. Klaviyo's
 * profiles are read back over its API, as a client sees them; events and catalog items from the local Klaviyo's
 * store, the only reading it offers for them.
 */
@ExtendWith(PostgresServers.class)
final class HardTextRoundTripIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Each table extracted and the columns that identify its rows; every column both sides hold is compared. Addresses
     * are no table of their own in a warehouse extract, so they are compared in Klaviyo's profiles.
     */
    private static final Map<String, List<String>> TABLES = Map.of("customer", List.of("id"), "transaction",
            List.of("id"), "transactionline", List.of("transaction", "id"), "item", List.of("id"));

    /** Where a profile holds each customer column the customers flow maps (addresses: the default billing one). */
    private static final Map<String, String> PROFILE_FIELDS = Map.of("/first_name", "firstname", "/last_name",
            "lastname", "/organization", "companyname", "/location/address1", "addr1", "/location/address2", "addr2",
            "/location/city", "city", "/location/region", "state", "/location/zip", "zip");

    @TempDir
    static Path folder;
    private static NetSuiteSandbox netSuite;
    private static KlaviyoSandbox klaviyo;
    private static String postgresUrl;

    @BeforeAll
    static void carryTheAccountEverywhere(PostgresServer postgres) throws Exception {
        netSuite = NetSuiteSandbox.start(NetSuiteSandbox.Options.defaults().withScale(0.02));
        klaviyo = KlaviyoSandbox.start(KlaviyoSandbox.Options.defaults());
        postgresUrl = postgres.createDatabase();
        Path config = Files.writeString(folder.resolve("nsbridge.yaml"), "connections:\n"
                + SandboxConfig.netSuite(netSuite) + """
                  duckdb:
                    type: duckdb
                    path: warehouse.duckdb
                  postgres:
                    type: postgres
                    url: "%s"
                    user: %s
                    password: "%s"
                  klaviyo:
                    type: klaviyo
                    api_key: "%s"
                    base_url: "%s"
                extracts:
                %s
                flows:
                  customers: {type: customers, source: netsuite, destination: klaviyo, settings: {list_id: "%s"}}
                  orders: {type: orders, source: netsuite, destination: klaviyo}
                  items: {type: items, source: netsuite, destination: klaviyo,
                          settings: {url_template: "https://shop.example.com/p/{sku}"}}
                """.formatted(postgresUrl, PostgresServer.USER,
                EncryptedValue.of("connections.postgres.password", PostgresServer.PASSWORD.reveal()),
                EncryptedValue.of("connections.klaviyo.api_key", klaviyo.privateApiKey()), klaviyo.baseUrl(), extracts("duckdb") + extracts("postgres"),
                KlaviyoDemoStep.newsletterList(klaviyo)));

        Commands.Outcome extracts = Commands.run("run", "-c", config.toString());
        Commands.Outcome flows = Commands.run("run", "customers", "orders", "items", "-c", config.toString());

        assertThat(extracts.code()).as(extracts.all()).isZero();
        assertThat(flows.code()).as(flows.all()).isZero();
    }

    @AfterAll
    static void stop() {
        klaviyo.close();
        netSuite.close();
    }

    @Test
    void shouldLandEveryHardValueInDuckDbByteForByte() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("warehouse.duckdb"))) {
            assertSameAsTheSource(compareTables(duckdb));
        }
    }

    @Test
    void shouldLandEveryHardValueInPostgresByteForByte() throws Exception {
        try (Connection postgres = DriverManager.getConnection(postgresUrl, PostgresServer.USER,
                PostgresServer.PASSWORD.reveal())) {
            assertSameAsTheSource(compareTables(postgres));
        }
    }

    @Test
    void shouldShowEveryHardNameAndAddressInKlaviyoProfilesAsTheApiAnswersThem() throws Exception {
        Map<String, Map<String, String>> customers = byKey(source("SELECT c.id, c.firstname, c.lastname,"
                + " c.companyname, a.addr1, a.addr2, a.city, a.state, a.zip FROM customer c LEFT JOIN entityaddress a"
                + " ON a.nkey = c.defaultbillingaddress"), List.of("id"));
        // A profile the orders flow made from an order's email alone carries no name: only fields present compare.
        Comparison comparison = new Comparison();
        for (JsonNode profile : profilesFromTheApi()) {
            JsonNode attributes = profile.path("attributes");
            Map<String, String> customer = customers.get(attributes.path("external_id").asText());
            assertThat(customer).as("the NetSuite customer of profile %s", profile.path("id").asText()).isNotNull();
            String where = "profile of customer " + customer.get("id");
            PROFILE_FIELDS.forEach((pointer, column) -> comparison.checkPresent(where, pointer, customer.get(column),
                    text(attributes.at(pointer))));
        }
        assertSameAsTheSource(comparison);
    }

    @Test
    void shouldRecordEveryHardItemNameInKlaviyoOrderEvents() throws Exception {
        Map<String, String> names = itemTitles();
        Comparison comparison = new Comparison();
        for (KlaviyoEvent event : klaviyo.events()) {
            Map<String, Object> properties = event.properties();
            String where = event.metricName() + " " + event.uniqueId();
            if (properties.get("Items") instanceof List<?> items) {
                List<?> itemNames = (List<?>) properties.get("ItemNames");
                for (int i = 0; i < items.size(); i++) {
                    Map<?, ?> item = (Map<?, ?>) items.get(i);
                    String expected = names.get(String.valueOf(item.get("ProductID")));
                    comparison.check(where, "Items[" + i + "].ProductName", expected, (String) item.get("ProductName"));
                    comparison.check(where, "ItemNames[" + i + "]", expected, (String) itemNames.get(i));
                }
            } else {
                comparison.check(where, "ProductName", names.get(String.valueOf(properties.get("ProductID"))),
                        (String) properties.get("ProductName"));
            }
        }
        assertSameAsTheSource(comparison);
    }

    @Test
    void shouldCarryEveryHardItemTitleAndDescriptionIntoTheKlaviyoCatalog() throws Exception {
        Map<String, Map<String, String>> items = byKey(source("SELECT id, displayname, description FROM item"),
                List.of("id"));
        Comparison comparison = new Comparison();
        for (KlaviyoCatalogItem catalogItem : klaviyo.catalogItems()) {
            Map<String, String> item = items.get(catalogItem.externalId());
            assertThat(item).as("the NetSuite item of catalog item %s", catalogItem.id()).isNotNull();
            String where = "catalog item " + catalogItem.externalId();
            comparison.check(where, "title", item.get("displayname"), catalogItem.title());
            comparison.check(where, "description", item.get("description"), catalogItem.description());
        }
        assertSameAsTheSource(comparison);
    }

    /** Values compared and what differed, each difference with both sides' UTF-8 bytes. */
    private static final class Comparison {
        private final List<String> compared = new ArrayList<>();
        private final List<String> differences = new ArrayList<>();

        /** As {@link #check}, where the destination holds the field at all. */
        void checkPresent(String where, String field, String expected, String actual) {
            if (actual != null) {
                check(where, field, expected, actual);
            }
        }

        /** Compares where the source holds hard text; ordinary values are other tests' business. */
        void check(String where, String field, String expected, String actual) {
            if (expected == null || !isHard(expected)) {
                return;
            }
            compared.add(expected);
            byte[] wanted = expected.getBytes(StandardCharsets.UTF_8);
            byte[] got = actual == null ? null : actual.getBytes(StandardCharsets.UTF_8);
            if (got == null || !java.util.Arrays.equals(wanted, got)) {
                differences.add(where + " " + field + ": expected \"" + expected + "\" ["
                        + HexFormat.ofDelimiter(" ").formatHex(wanted) + "] but was " + (got == null ? "missing"
                        : "\"" + actual + "\" [" + HexFormat.ofDelimiter(" ").formatHex(got) + "]"));
            }
        }
    }

    private static void assertSameAsTheSource(Comparison comparison) {
        assertThat(comparison.differences).as("values that differ from the sandbox's store").isEmpty();
        String all = String.join("", comparison.compared);
        assertThat(all.codePoints()).as("compared values outside the BMP").anyMatch(Character::isSupplementaryCodePoint)
                .as("compared right-to-left values").anyMatch(c -> Character.getDirectionality(c)
                        == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                        || Character.getDirectionality(c) == Character.DIRECTIONALITY_RIGHT_TO_LEFT)
                .as("compared CJK values").anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .as("compared values with quotes and backslashes").contains((int) '\'', (int) '"', (int) '\\');
    }

    private static boolean isHard(String value) {
        return value.codePoints().anyMatch(c -> c > 127 || c == '\'' || c == '"' || c == '\\');
    }

    private static Comparison compareTables(Connection warehouse) throws Exception {
        Comparison comparison = new Comparison();
        for (Map.Entry<String, List<String>> table : TABLES.entrySet()) {
            List<String> key = table.getValue();
            Map<String, Map<String, String>> landed = byKey(rows(warehouse, "SELECT * FROM " + table.getKey()), key);
            for (Map<String, String> row : source("SELECT * FROM " + table.getKey())) {
                String id = key.stream().map(row::get).collect(Collectors.joining("/"));
                Map<String, String> copy = landed.get(id);
                assertThat(copy).as("%s %s in the warehouse", table.getKey(), id).isNotNull();
                for (Map.Entry<String, String> value : row.entrySet()) {
                    if (copy.containsKey(value.getKey())) {
                        comparison.check(table.getKey() + " " + id, value.getKey(), value.getValue(),
                                copy.get(value.getKey()));
                    }
                }
            }
        }
        return comparison;
    }

    private static String extracts(String destination) {
        StringBuilder text = new StringBuilder();
        for (String table : TABLES.keySet()) {
            text.append("  %s_%s: {connection: netsuite, table: %s, destination: %s, destination_table: %s}\n"
                    .formatted(destination, table, table, destination, table));
        }
        return text.toString();
    }

    /** Every row of a query on the sandbox's own store, in process: the values as NetSuite holds them. */
    private static List<Map<String, String>> source(String query) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            NetSuiteAccount.QueryPage page = netSuite.account().query(query, List.of(), offset, 1000);
            rows.addAll(page.items());
            if (offset + page.items().size() >= page.totalResults()) {
                return rows;
            }
        }
    }

    private static Map<String, String> itemTitles() throws Exception {
        Map<String, String> titles = new HashMap<>();
        source("SELECT id, displayname FROM item").forEach(row -> titles.put(row.get("id"), row.get("displayname")));
        return titles;
    }

    private static List<Map<String, String>> rows(Connection connection, String sql) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new HashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column).toLowerCase(java.util.Locale.ROOT), result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Map<String, String>> byKey(List<Map<String, String>> rows, List<String> key) {
        Map<String, Map<String, String>> keyed = new HashMap<>();
        rows.forEach(row -> keyed.put(key.stream().map(row::get).collect(Collectors.joining("/")), row));
        return keyed;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    /** Every profile through {@code GET /api/profiles}, page after page, decoded as UTF-8 as JSON is. */
    private static List<JsonNode> profilesFromTheApi() throws Exception {
        List<JsonNode> profiles = new ArrayList<>();
        String next = klaviyo.baseUrl() + "/api/profiles?page%5Bsize%5D=100";
        while (next != null) {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(klaviyoRequest(next).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode page = JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
            page.path("data").forEach(profiles::add);
            next = page.path("links").path("next").isTextual() ? page.path("links").path("next").asText() : null;
        }
        assertThat(profiles).as("profiles in the local Klaviyo").isNotEmpty();
        return profiles;
    }

    private static HttpRequest.Builder klaviyoRequest(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Klaviyo-API-Key " + klaviyo.privateApiKey())
                .header("revision", "2026-07-15").header("accept", "application/vnd.api+json");
    }
}
