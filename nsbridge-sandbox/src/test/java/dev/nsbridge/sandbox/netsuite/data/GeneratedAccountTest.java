package dev.nsbridge.sandbox.netsuite.data;

import static dev.nsbridge.sandbox.netsuite.data.Accounts.all;
import static dev.nsbridge.sandbox.netsuite.data.Accounts.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class GeneratedAccountTest {
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
    void shouldGenerateIdenticalDataForTheSameSeedScaleAndClock() throws SuiteQlException {
        try (NetSuiteAccount again = Accounts.small(Accounts.clock())) {
            for (String query : List.of("SELECT * FROM customer ORDER BY id",
                    "SELECT * FROM transactionline ORDER BY transaction, id", "SELECT * FROM deletedrecord ORDER BY recordid",
                    "SELECT m.transaction, t.trackingnumber FROM trackingnumbermap m JOIN trackingnumber t"
                            + " ON t.id = m.trackingnumber ORDER BY m.transaction, t.id")) {
                assertThat(all(again, query)).isEqualTo(all(account, query));
            }
        }
    }

    @Test
    void shouldGenerateOtherDataForAnotherSeed() throws SuiteQlException {
        try (NetSuiteAccount other = GeneratedAccount.generate("1234567_SB1", 7, 0.05, Accounts.LOS_ANGELES,
                Accounts.clock())) {
            assertThat(all(other, "SELECT email FROM customer ORDER BY id"))
                    .isNotEqualTo(all(account, "SELECT email FROM customer ORDER BY id"));
        }
    }

    @Test
    void shouldGrowWithTheScale() {
        try (NetSuiteAccount bigger = GeneratedAccount.generate("1234567_SB1", 42, 0.2, Accounts.clock())) {
            assertThat(bigger.rowCount("customer")).isBetween(180L, 200L);
            assertThat(bigger.rowCount("transaction")).isGreaterThan(3 * account.rowCount("transaction"));
            // About seven lines per order across its documents: scale 30 and more passes a million.
            assertThat(bigger.rowCount("transactionline")).isBetween(5_000L, 9_000L);
        }
        assertThat(account.rowCount("customer")).isBetween(45L, 50L);
        // The smallest catalogue: 12 plain items, then 3 matrix items of a parent and a child per size.
        assertThat(account.rowCount("item")).isEqualTo(12 + 3 * 5);
    }

    @Test
    void shouldHoldMatrixItemsAsAParentAndChildrenWithTheirOwnSkuPriceAndStock() throws SuiteQlException {
        List<Map<String, String>> children = all(account, "SELECT c.itemid AS sku, c.baseprice AS price,"
                + " c.totalquantityonhand AS stock, p.itemid AS parent FROM item c JOIN item p ON p.id = c.parent"
                + " WHERE c.matrixtype = 'CHILD' AND p.matrixtype = 'PARENT'");
        List<Map<String, String>> parents = all(account, "SELECT id, totalquantityonhand AS stock FROM item"
                + " WHERE matrixtype = 'PARENT'");
        assertThat(parents).isNotEmpty().allSatisfy(parent -> assertThat(parent.get("stock")).isNull());
        assertThat(children).hasSize(parents.size() * 4).allSatisfy(child -> {
            assertThat(child.get("sku")).startsWith(child.get("parent") + "-");
            assertThat(child.get("price")).isNotNull();
            assertThat(child.get("stock")).isNotNull();
        });
        assertThat(children).extracting(child -> child.get("stock")).contains("0");
    }

    @Test
    void shouldHoldEveryKindOfMess() throws SuiteQlException {
        List<String> emails = all(account, "SELECT NVL(email, '(none)') AS email FROM customer").stream()
                .map(row -> row.get("email")).toList();
        assertThat(emails).contains("(none)");
        assertThat(emails).anyMatch(email -> !email.equals("(none)") && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"));
        List<String> phones = all(account, "SELECT phone FROM customer UNION ALL SELECT phone FROM contact").stream()
                .map(row -> row.getOrDefault("phone", "")).toList();
        assertThat(phones).anyMatch(phone -> phone.matches("\\(\\d{3}\\) \\d{3}-\\d{4}"))
                .anyMatch(phone -> phone.startsWith("+44 20 ")).anyMatch(phone -> phone.contains(" ext. "));
        assertThat(all(account, "SELECT altname FROM customer UNION ALL SELECT altname FROM contact"))
                .anyMatch(row -> !row.get("altname").chars().allMatch(c -> c < 128));
        assertThat(all(account, "SELECT DISTINCT globalsubscriptionstatus AS s FROM customer ORDER BY s"))
                .extracting(row -> row.get("s")).containsExactly("1", "2", "3", "4");
        assertThat(one(account, "SELECT COUNT(*) FROM transaction WHERE type = 'SalesOrd' AND status = 'C'"))
                .isNotEqualTo("0");
        assertThat(one(account, "SELECT COUNT(DISTINCT currency) FROM transaction")).isNotEqualTo("1");
        assertThat(one(account, "SELECT COUNT(*) FROM customer WHERE custentity_klaviyo_profile_id IS NOT NULL"))
                .isNotEqualTo("0");
        assertThat(all(account, "SELECT DISTINCT type FROM transaction"))
                .extracting(row -> row.get("type")).contains("SalesOrd", "ItemShip", "CustInvc");
        assertThat(one(account, "SELECT COUNT(*) FROM transactionaccountingline WHERE lastmodifieddate IS NULL"))
                .isNotEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM transactionaccountingline WHERE lastmodifieddate IS NOT NULL"))
                .isNotEqualTo("0");
    }

    @Test
    void shouldHoldTextOfEveryHardKindInNamesAddressesMemosAndItems() throws SuiteQlException {
        assertThat(kinds(all(account, "SELECT firstname AS v FROM customer UNION ALL SELECT lastname AS v FROM customer"
                + " UNION ALL SELECT companyname AS v FROM customer"))).as("customer names")
                .containsExactlyInAnyOrder(TextKind.values());
        assertThat(kinds(all(account, "SELECT addr1 AS v FROM entityaddress UNION ALL SELECT city AS v FROM"
                + " entityaddress"))).as("addresses").containsExactlyInAnyOrder(TextKind.values());
        assertThat(kinds(all(account, "SELECT memo AS v FROM transaction"))).as("order memos")
                .containsExactlyInAnyOrder(TextKind.values());
        assertThat(kinds(all(account, "SELECT displayname AS v FROM item UNION ALL SELECT description AS v FROM item")))
                .as("item titles and descriptions").containsExactlyInAnyOrder(TextKind.values());
    }

    @Test
    void shouldKeepDeletedRecordsOnlyInDeletedRecord() throws SuiteQlException {
        List<Map<String, String>> deleted = all(account, "SELECT recordid, type FROM deletedrecord");
        assertThat(deleted).extracting(row -> row.get("type")).contains("customer", "salesorder");
        for (Map<String, String> row : deleted) {
            String table = row.get("type").equals("customer") ? "customer" : "transaction";
            assertThat(one(account, "SELECT COUNT(*) FROM " + table + " WHERE id = ?", row.get("recordid")))
                    .isEqualTo("0");
        }
    }

    /** What makes text hard to carry: each kind breaks a different mistake with bytes or escaping. */
    private enum TextKind {
        ACCENTED_LATIN, CJK, RIGHT_TO_LEFT, OUTSIDE_BMP, APOSTROPHE, DOUBLE_QUOTE, BACKSLASH;

        static Set<TextKind> of(String text) {
            Set<TextKind> kinds = EnumSet.noneOf(TextKind.class);
            text.codePoints().forEach(c -> {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                byte direction = Character.getDirectionality(c);
                if (c > 127 && script == Character.UnicodeScript.LATIN) {
                    kinds.add(ACCENTED_LATIN);
                }
                if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA) {
                    kinds.add(CJK);
                }
                if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                    kinds.add(RIGHT_TO_LEFT);
                }
                if (Character.isSupplementaryCodePoint(c)) {
                    kinds.add(OUTSIDE_BMP);
                }
                if (c == '\'') {
                    kinds.add(APOSTROPHE);
                }
                if (c == '"') {
                    kinds.add(DOUBLE_QUOTE);
                }
                if (c == '\\') {
                    kinds.add(BACKSLASH);
                }
            });
            return kinds;
        }
    }

    private static Set<TextKind> kinds(List<Map<String, String>> rows) {
        Set<TextKind> kinds = EnumSet.noneOf(TextKind.class);
        rows.stream().map(row -> row.get("v")).filter(java.util.Objects::nonNull)
                .forEach(value -> kinds.addAll(TextKind.of(value)));
        return kinds;
    }

    @Test
    void shouldLinkFulfillmentsAndRefundsToTheirSalesOrder() throws SuiteQlException {
        assertThat(one(account, "SELECT COUNT(*) FROM transactionline l JOIN transaction t ON t.id = l.transaction "
                + "JOIN transaction o ON o.id = l.createdfrom WHERE t.type = 'ItemShip' AND o.type = 'SalesOrd'"))
                .isNotEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM previoustransactionlinelink k JOIN transactionline l "
                + "ON l.transaction = k.previousdoc AND l.id = k.previousline WHERE k.linktype = 'ShipRcpt'"))
                .isEqualTo(one(account, "SELECT COUNT(*) FROM previoustransactionlinelink WHERE linktype = 'ShipRcpt'"));
        assertThat(one(account, "SELECT COUNT(*) FROM transaction t WHERE t.type IN ('CashRfnd', 'CustCred')"))
                .isNotEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM transaction t WHERE NOT EXISTS (SELECT 1 FROM transactionline "
                + "l WHERE l.transaction = t.id AND l.id = 0 AND l.mainline = 'T')")).isEqualTo("0");
    }

    @Test
    void shouldShipSomeOrdersInTwoFulfillmentsThatNeverShipMoreThanWasOrdered() throws SuiteQlException {
        String fulfillmentsPerOrder = "SELECT l.createdfrom AS o, COUNT(*) AS n FROM transaction f JOIN transactionline"
                + " l ON l.transaction = f.id AND l.mainline = 'T' WHERE f.type = 'ItemShip' GROUP BY l.createdfrom";
        String shippedPerOrderLine = "SELECT k.previousdoc AS o, k.previousline AS l, COUNT(*) AS parts,"
                + " SUM(ABS(fl.quantity)) AS shipped FROM previoustransactionlinelink k JOIN transactionline fl"
                + " ON fl.transaction = k.nextdoc AND fl.id = k.nextline WHERE k.linktype = 'ShipRcpt'"
                + " GROUP BY k.previousdoc, k.previousline";

        assertThat(all(account, fulfillmentsPerOrder)).extracting(row -> row.get("n")).contains("1", "2")
                .allSatisfy(n -> assertThat(n).isIn("1", "2"));
        assertThat(all(account, shippedPerOrderLine)).extracting(row -> row.get("parts")).contains("1", "2");
        assertThat(one(account, "SELECT COUNT(*) FROM (" + shippedPerOrderLine + ") s JOIN transactionline ol"
                + " ON ol.transaction = s.o AND ol.id = s.l WHERE s.shipped > ABS(ol.quantity)")).isEqualTo("0");
    }

    @Test
    void shouldGiveEachFulfillmentAShipMethodAndMostATrackingNumber() throws SuiteQlException {
        List<Map<String, String>> shipments = all(account, "SELECT f.id, BUILTIN.DF(f.shipmethod) AS carrier,"
                + " (SELECT COUNT(*) FROM trackingnumbermap m WHERE m.transaction = f.id) AS packages"
                + " FROM transaction f WHERE f.type = 'ItemShip' ORDER BY f.id");

        assertThat(shipments).isNotEmpty().allSatisfy(row -> assertThat(row.get("carrier")).isNotBlank());
        assertThat(shipments).extracting(row -> row.get("packages")).contains("0", "1", "2");
        assertThat(shipments.stream().filter(row -> row.get("packages").equals("0")).count())
                .isLessThan(shipments.size() / 4);
        assertThat(all(account, "SELECT t.trackingnumber FROM trackingnumber t JOIN trackingnumbermap m"
                + " ON m.trackingnumber = t.id JOIN transaction f ON f.id = m.transaction WHERE f.type = 'ItemShip'"))
                .hasSize((int) Long.parseLong(one(account, "SELECT COUNT(*) FROM trackingnumber")));
    }

    @Test
    void shouldPointCustomersAndOrdersAtTheirAddresses() throws SuiteQlException {
        assertThat(one(account, "SELECT COUNT(*) FROM customer c JOIN entityaddress a ON a.nkey = "
                + "c.defaultbillingaddress JOIN customeraddressbook b ON b.addressbookaddress = a.nkey AND b.entity = c.id"))
                .isNotEqualTo("0");
        assertThat(one(account, "SELECT COUNT(*) FROM transaction t JOIN transactionshippingaddress s "
                + "ON s.nkey = t.shippingaddress WHERE t.type = 'SalesOrd'")).isNotEqualTo("0");
    }
}
