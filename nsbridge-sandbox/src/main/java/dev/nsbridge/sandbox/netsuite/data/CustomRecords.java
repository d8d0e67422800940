package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The account's custom record types, as an admin defines them under Customization > Lists, Records, & Fields: one
 * here, {@code customrecord_loyalty_tier}. SuiteQL names a custom record type's table by its script id; its standard
 * fields are id, name, scriptid, externalid, isinactive, owner, created and lastmodified (the incremental key, named
 * unlike the standard records' lastmodifieddate), and its own fields are custrecord_* columns (see
 * {@link CustomField}).
 */
final class CustomRecords {
    static final String LOYALTY_TIER = "customrecord_loyalty_tier";
    /** The script ids of the custom record types, as the metadata catalog lists them. */
    static final List<String> TYPES = List.of(LOYALTY_TIER);
    static final String STANDARD_COLUMNS = "id BIGINT PRIMARY KEY, name VARCHAR(300), scriptid VARCHAR(100), "
            + "externalid VARCHAR(100), isinactive CHAR(1) DEFAULT 'F', owner BIGINT, created TIMESTAMP, "
            + "lastmodified TIMESTAMP";
    private static final List<String> TIERS = List.of("Bronze", "Silver", "Gold", "Platinum", "Diamond", "Überfan");
    private static final List<String> COLORS = List.of("#cd7f32", "#c0c0c0", "#ffd700", "#e5e4e2", "#b9f2ff");

    private final Generation generation;

    CustomRecords(Generation generation) {
        this.generation = generation;
    }

    /** Loyalty tiers, with the mess of a real list: a few hundred rows on a full-size account. */
    void write(Connection connection) throws SQLException {
        SplittableRandom random = generation.random("custom-records");
        int rows = (int) Math.max(8, Math.round(300 * generation.scale));
        try (Inserter insert = new Inserter(connection, LOYALTY_TIER, "id,name,scriptid,externalid,isinactive,owner,"
                + "created,lastmodified,custrecord_lt_min_points,custrecord_lt_discount,custrecord_lt_color,"
                + "custrecord_lt_review_date")) {
            for (int i = 1; i <= rows; i++) {
                LocalDateTime created = generation.pastMoment(random);
                String tier = TIERS.get((i - 1) % TIERS.size());
                insert.row((long) i, i <= TIERS.size() ? tier : tier + " " + (2020 + random.nextInt(7)),
                        "val_" + i, random.nextInt(4) == 0 ? "tier-" + i : null, random.nextInt(10) == 0 ? "T" : "F",
                        random.nextInt(3) == 0 ? null : 3L, created, generation.after(random, created, 400),
                        (long) ((i - 1) % TIERS.size()) * 1_000L, BigDecimal.valueOf(random.nextInt(300), 2),
                        random.nextInt(5) == 0 ? null : COLORS.get(random.nextInt(COLORS.size())),
                        random.nextInt(3) == 0 ? null : created.toLocalDate().plusDays(random.nextInt(365)));
            }
        }
    }
}
