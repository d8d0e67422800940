package dev.nsbridge.sandbox.netsuite.data;

import static dev.nsbridge.sandbox.netsuite.data.Accounts.all;
import static dev.nsbridge.sandbox.netsuite.data.Accounts.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The general-ledger tables as a warehouse model reads them: every column the open dbt_netsuite package's NetSuite2
 * staging models select (the list is kept as data in the application's test resources), and references between the
 * tables that lead to rows that exist.
 */
final class LedgerTablesTest {
    /** The staging models' columns: table, column, type. Read where it is kept, so the two never drift apart. */
    private static final Path STAGING_COLUMNS = Path.of("..", "nsbridge-app", "src", "test", "resources", "dev",
            "nsbridge", "app", "warehouse-models", "netsuite2-staging-columns.csv");

    private static NetSuiteAccount account;

    @BeforeAll
    static void generate() {
        account = Accounts.small(Accounts.clock());
    }

    @AfterAll
    static void close() {
        account.close();
    }

    @Test
    void shouldServeEveryColumnTheStagingModelsSelectWithRowsInEveryTable() throws Exception {
        Map<String, List<String>> tables = stagingColumns(false);
        assertThat(tables).hasSizeGreaterThanOrEqualTo(28).containsKeys("transactionaccountingline",
                "accountingperiodfiscalcalendars", "consolidatedexchangerate", "fiscalcalendar");
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            String query = "SELECT " + String.join(", ", table.getValue()) + " FROM " + table.getKey();
            assertThat(all(account, query)).as(query).isNotEmpty();
        }
    }

    @Test
    void shouldNotServeTheLoadersOwnColumns() throws Exception {
        Map<String, List<String>> metadata = stagingColumns(true);
        assertThat(metadata).isNotEmpty();
        for (Map.Entry<String, List<String>> table : metadata.entrySet()) {
            for (String column : table.getValue()) {
                assertThatThrownBy(() -> all(account, "SELECT " + column + " FROM " + table.getKey()))
                        .as(table.getKey() + "." + column).isInstanceOf(SuiteQlException.class)
                        .hasMessageContaining("Unknown identifier");
            }
        }
    }

    @Test
    void shouldPointEveryReferenceAtARowThatExists() throws SuiteQlException {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("subsidiary.parent", "subsidiary.id");
        references.put("subsidiary.currency", "currency.id");
        references.put("subsidiary.fiscalcalendar", "fiscalcalendar.id");
        references.put("subsidiary.mainaddress", "subsidiarymainaddress.nkey");
        references.put("account.parent", "account.id");
        references.put("account.accttype", "accounttype.id");
        references.put("account.deferralacct", "account.id");
        references.put("accountingperiod.parent", "accountingperiod.id");
        references.put("accountingperiodfiscalcalendars.accountingperiod", "accountingperiod.id");
        references.put("accountingperiodfiscalcalendars.fiscalcalendar", "fiscalcalendar.id");
        references.put("accountingperiodfiscalcalendars.parent", "accountingperiod.id");
        references.put("accountingbooksubsidiaries.accountingbook", "accountingbook.id");
        references.put("accountingbooksubsidiaries.subsidiary", "subsidiary.id");
        references.put("consolidatedexchangerate.postingperiod", "accountingperiod.id");
        references.put("consolidatedexchangerate.fromsubsidiary", "subsidiary.id");
        references.put("consolidatedexchangerate.tosubsidiary", "subsidiary.id");
        references.put("consolidatedexchangerate.fromcurrency", "currency.id");
        references.put("consolidatedexchangerate.accountingbook", "accountingbook.id");
        references.put("location.mainaddress", "locationmainaddress.nkey");
        references.put("location.parent", "location.id");
        references.put("department.parent", "department.id");
        references.put("customer.parent", "customer.id");
        references.put("customer.receivablesaccount", "account.id");
        references.put("customer.defaultbillingaddress", "entityaddress.nkey");
        references.put("vendor.category", "vendorcategory.id");
        references.put("employee.supervisor", "employee.id");
        references.put("employee.location", "location.id");
        references.put("job.customer", "customer.id");
        references.put("job.parent", "entity.id");
        references.put("nexus.taxagency", "vendor.id");
        references.put("customersubsidiaryrelationship.entity", "customer.id");
        references.put("customersubsidiaryrelationship.subsidiary", "subsidiary.id");
        references.put("vendorsubsidiaryrelationship.entity", "vendor.id");
        references.put("vendorsubsidiaryrelationship.primarycurrency", "currency.id");
        references.put("item.assetaccount", "account.id");
        references.put("item.incomeaccount", "account.id");
        references.put("item.expenseaccount", "account.id");
        references.put("transaction.postingperiod", "accountingperiod.id");
        references.put("transaction.nexus", "nexus.id");
        references.put("transaction.createdby", "employee.id");
        references.put("transaction.entity", "entity.id");
        references.put("transactionline.subsidiary", "subsidiary.id");
        references.put("transactionaccountingline.account", "account.id");
        references.put("transactionaccountingline.accountingbook", "accountingbook.id");
        for (Map.Entry<String, String> reference : references.entrySet()) {
            String[] from = reference.getKey().split("\\.");
            String[] to = reference.getValue().split("\\.");
            assertThat(one(account, "SELECT COUNT(*) FROM " + from[0] + " WHERE " + from[1] + " IS NOT NULL"))
                    .as(reference.getKey() + " is set somewhere").isNotEqualTo("0");
            assertThat(one(account, "SELECT COUNT(*) FROM " + from[0] + " f WHERE f." + from[1] + " IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM " + to[0] + " t WHERE t." + to[1] + " = f." + from[1] + ")"))
                    .as(reference.getKey() + " -> " + reference.getValue()).isEqualTo("0");
        }
        assertThat(one(account, "SELECT COUNT(*) FROM transactionaccountingline a WHERE NOT EXISTS (SELECT 1 FROM "
                + "transactionline l WHERE l.transaction = a.transaction AND l.id = a.transactionline)")).isEqualTo("0");
    }

    @Test
    void shouldTellTheKindOfEveryEntityByItsOwnIdInTheColumnOfItsKind() throws SuiteQlException {
        Map<String, String> kinds = Map.of("customer", "CustJob", "contact", "Contact", "employee", "Employee",
                "vendor", "Vendor", "project", "Job");
        for (Map.Entry<String, String> kind : kinds.entrySet()) {
            assertThat(one(account, "SELECT COUNT(*) FROM entity WHERE type = ?", kind.getValue()))
                    .as(kind.getValue()).isNotEqualTo("0")
                    .isEqualTo(one(account, "SELECT COUNT(*) FROM entity WHERE " + kind.getKey() + " = id"))
                    .isEqualTo(one(account, "SELECT COUNT(" + kind.getKey() + ") FROM entity"));
        }
        assertThat(one(account, "SELECT COUNT(*) FROM entity e JOIN customer c ON c.id = e.id WHERE "
                + "e.isperson = c.isperson AND NVL(e.parent, 0) = NVL(c.parent, 0)"))
                .isEqualTo(one(account, "SELECT COUNT(*) FROM customer"));
        assertThat(one(account, "SELECT COUNT(*) FROM entity WHERE parent IS NOT NULL AND type = 'CustJob'"))
                .isNotEqualTo("0");
    }

    /** The staging columns by table: NetSuite's own, or only the loader's metadata columns. */
    private static Map<String, List<String>> stagingColumns(boolean metadata) throws IOException {
        List<String> lines = Files.readAllLines(STAGING_COLUMNS, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("table,column,type");
        return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(","))
                .filter(row -> isLoadMetadata(row[1]) == metadata)
                .collect(Collectors.groupingBy(row -> row[0], TreeMap::new,
                        Collectors.mapping(row -> row[1], Collectors.toList())));
    }

    private static boolean isLoadMetadata(String column) {
        return column.startsWith("_fivetran_") || column.equals("date_deleted");
    }
}
