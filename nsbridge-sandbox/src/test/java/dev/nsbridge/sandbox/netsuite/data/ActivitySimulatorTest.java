package dev.nsbridge.sandbox.netsuite.data;

import static dev.nsbridge.sandbox.netsuite.data.Accounts.all;
import static dev.nsbridge.sandbox.netsuite.data.Accounts.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.sandbox.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ActivitySimulatorTest {

    @Test
    void shouldStampEveryChangeWithTheClock() throws SuiteQlException {
        MovableClock clock = Accounts.clock();
        try (NetSuiteAccount account = Accounts.small(clock)) {
            clock.advance(Duration.ofDays(2));
            // The clock is 2025-06-03T19:00Z, noon in Los Angeles.
            String now = "2025-06-03 12:00:00";
            NetSuiteAccount.ActivityReport report = account.simulateActivity(200);
            assertThat(report.inserted()).containsKeys("customer", "transaction");
            assertThat(report.updated()).containsKeys("customer", "transaction");
            assertThat(report.deleted()).containsKeys("transactionline");
            String stamp = "TO_CHAR(%s, 'YYYY-MM-DD HH24:MI:SS') = ?";
            assertThat(Long.parseLong(one(account, "SELECT COUNT(*) FROM customer WHERE "
                    + stamp.formatted("lastmodifieddate"), now)))
                    // A customer may be edited twice, or created and then edited: changes, not rows, are counted.
                    .isPositive().isLessThanOrEqualTo(report.inserted().get("customer") + report.updated().get("customer"))
                    .isGreaterThanOrEqualTo(report.inserted().get("customer"));
            assertThat(Long.parseLong(one(account, "SELECT COUNT(*) FROM transactionline WHERE "
                    + stamp.formatted("linelastmodifieddate"), now))).isPositive();
            assertThat(one(account, "SELECT COUNT(*) FROM transaction WHERE lastmodifieddate > TO_DATE(?, "
                    + "'YYYY-MM-DD HH24:MI:SS')", now)).isEqualTo("0");
        }
    }

    @Test
    void shouldRecordDeletedRecordsButNotRemovedLines() throws SuiteQlException {
        MovableClock clock = Accounts.clock();
        try (NetSuiteAccount account = Accounts.small(clock)) {
            clock.advance(Duration.ofDays(1));
            long before = account.rowCount("deletedrecord");
            NetSuiteAccount.ActivityReport report = account.simulateActivity(300);
            int deletedRecords = report.deleted().getOrDefault("customer", 0) + report.deleted().getOrDefault(
                    "transaction", 0);
            assertThat(deletedRecords).isPositive();
            List<Map<String, String>> fresh = all(account, "SELECT recordid, type FROM deletedrecord WHERE "
                    + "TO_CHAR(deleteddate, 'YYYY-MM-DD') = '2025-06-02'");
            assertThat(fresh.stream().filter(row -> !row.get("type").equals("contact")).count())
                    .isEqualTo(deletedRecords);
            assertThat(account.rowCount("deletedrecord")).isGreaterThanOrEqualTo(before + deletedRecords);
            for (Map<String, String> row : fresh) {
                String table = switch (row.get("type")) {
                    case "salesorder" -> "transaction";
                    default -> row.get("type");
                };
                assertThat(one(account, "SELECT COUNT(*) FROM " + table + " WHERE id = ?", row.get("recordid")))
                        .isEqualTo("0");
            }
            assertThat(fresh).noneMatch(row -> row.get("type").equals("transactionline"));
        }
    }
}
