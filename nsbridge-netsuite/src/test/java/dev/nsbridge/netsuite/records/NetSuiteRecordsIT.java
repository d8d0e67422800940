package dev.nsbridge.netsuite.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nsbridge.netsuite.NetSuiteClient;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.testing.SandboxClients;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox;
import dev.nsbridge.sandbox.netsuite.NetSuiteSandbox.Options;
import dev.nsbridge.spi.errors.RecordException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Customer and contact writes through the records API of the sandbox, read back the way flows read: SuiteQL. */
final class NetSuiteRecordsIT {
    private static final String SOFT_OPT_IN = "1";
    private static final String SOFT_OPT_OUT = "2";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One account for the class: every test writes records of its own. */
    private static NetSuiteSandbox sandbox;
    @TempDir
    Path state;
    private NetSuiteClient client;
    private NetSuiteRecords records;

    @BeforeAll
    static void start() {
        sandbox = NetSuiteSandbox.start(Options.defaults().withScale(0.02));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void client() {
        client = new SandboxClients(sandbox, state).tba();
        records = client.records();
    }

    private SuiteQlRow selectOne(String query, long id) {
        List<SuiteQlRow> rows = client.suiteQl().page(new SuiteQlQuery(query, List.of(Long.toString(id))), 0, 10)
                .rows();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static ObjectNode reference(String id) {
        return object().put("id", id);
    }

    @Test
    void shouldGetAGeneratedCustomerAsSuiteQlSeesIt() {
        SuiteQlRow first = client.suiteQl().page(SuiteQlQuery.of("SELECT id, entityid FROM customer ORDER BY id"), 0,
                1).rows().get(0);

        ObjectNode customer = records.get(RecordType.CUSTOMER, first.integer("id")).orElseThrow();

        assertThat(customer.path("id").asText()).isEqualTo(first.string("id"));
        assertThat(customer.path("entityId").asText()).isEqualTo(first.string("entityid"));
        // The records API speaks ISO 8601 UTC, unlike SuiteQL.
        assertThat(Instant.parse(customer.path("dateCreated").asText())).isBefore(sandbox.clock().instant());
    }

    @Test
    void shouldCreateACustomerThenStoreItsKlaviyoProfileIdAndASoftOptOut() {
        long id = records.create(RecordType.CUSTOMER, object().put("firstName", "Ada").put("lastName", "Lovelace")
                .put("email", "ada@example.com").set("globalSubscriptionStatus", reference(SOFT_OPT_IN)));

        records.patch(RecordType.CUSTOMER, id, object().put("custentity_klaviyo_profile_id", "01HV4ZKLAVIYO")
                .set("globalSubscriptionStatus", reference(SOFT_OPT_OUT)));

        SuiteQlRow row = selectOne("SELECT email, custentity_klaviyo_profile_id, globalsubscriptionstatus FROM customer"
                + " WHERE id = ?", id);
        assertThat(row.string("email")).isEqualTo("ada@example.com");
        assertThat(row.string("custentity_klaviyo_profile_id")).isEqualTo("01HV4ZKLAVIYO");
        assertThat(row.string("globalsubscriptionstatus")).isEqualTo(SOFT_OPT_OUT);
        ObjectNode record = records.get(RecordType.CUSTOMER, id).orElseThrow();
        assertThat(record.path("firstName").asText()).isEqualTo("Ada");
        assertThat(record.path("globalSubscriptionStatus").path("id").asText()).isEqualTo(SOFT_OPT_OUT);
    }

    @Test
    void shouldCreateAndPatchAContactOfACustomer() {
        long company = records.create(RecordType.CUSTOMER, object().put("companyName", "Analytical Engines Ltd")
                .put("email", "office@example.com"));

        long contact = records.create(RecordType.CONTACT, object().put("firstName", "Charles")
                .put("lastName", "Babbage").put("email", "charles@example.com").set("company",
                        reference(Long.toString(company))));
        records.patch(RecordType.CONTACT, contact, object().put("custentity_klaviyo_profile_id", "01HV4ZCONTACT")
                .set("globalSubscriptionStatus", reference(SOFT_OPT_OUT)));

        SuiteQlRow row = selectOne("SELECT company, custentity_klaviyo_profile_id, globalsubscriptionstatus FROM"
                + " contact WHERE id = ?", contact);
        assertThat(row.integer("company")).isEqualTo(company);
        assertThat(row.string("custentity_klaviyo_profile_id")).isEqualTo("01HV4ZCONTACT");
        assertThat(row.string("globalsubscriptionstatus")).isEqualTo(SOFT_OPT_OUT);
    }

    @Test
    void shouldAnswerEmptyForAMissingRecordAndRefuseToPatchIt() {
        assertThat(records.get(RecordType.CUSTOMER, 987_654_321L)).isEmpty();

        assertThatThrownBy(() -> records.patch(RecordType.CONTACT, 987_654_321L, object().put("firstName", "Nobody")))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.code()).isEqualTo("NONEXISTENT_ID");
                    assertThat(e.getMessage()).contains("987654321", "Record does not exist.");
                });
    }

    @Test
    void shouldRefuseABadValueAsARecordErrorAndLeaveTheRecordAlone() {
        long id = records.create(RecordType.CUSTOMER, object().put("firstName", "Grace").put("email",
                "grace@example.com"));

        assertThatThrownBy(() -> records.patch(RecordType.CUSTOMER, id, object().put("email", "not an email")))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.getMessage()).contains("customer " + id, "valid email");
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(selectOne("SELECT email FROM customer WHERE id = ?", id).string("email"))
                .isEqualTo("grace@example.com");
    }
}
