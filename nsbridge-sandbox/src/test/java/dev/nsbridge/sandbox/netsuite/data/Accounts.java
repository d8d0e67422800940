package dev.nsbridge.sandbox.netsuite.data;

import dev.nsbridge.sandbox.MovableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small generated accounts and query helpers the tests share. */
final class Accounts {
    static final Instant NOW = Instant.parse("2025-06-01T19:00:00Z");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    private Accounts() {
    }

    static MovableClock clock() {
        return new MovableClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static NetSuiteAccount small(Clock clock) {
        return GeneratedAccount.generate("1234567_SB1", 42, 0.05, LOS_ANGELES, clock);
    }

    /** Every row of a query, read page by page as a client would. */
    static List<Map<String, String>> all(NetSuiteAccount account, String query, String... params) throws SuiteQlException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            NetSuiteAccount.QueryPage page = account.query(query, List.of(params), offset, 1000);
            rows.addAll(page.items());
            if (page.items().size() < 1000) {
                return rows;
            }
        }
    }

    static String one(NetSuiteAccount account, String query, String... params) throws SuiteQlException {
        Map<String, String> row = account.query(query, List.of(params), 0, 1).items().get(0);
        return row.values().iterator().next();
    }
}
