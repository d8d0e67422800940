package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/** The item catalogue: mostly inventory items, a few services and kits, some inactive, custitem fields. */
final class ItemData {
    private static final List<String> NOUNS = List.of("Mug", "T-Shirt", "Backpack", "Water Bottle", "Notebook",
            "Hoodie", "Candle", "Sneakers", "Scarf", "Tea Set", "Lamp", "Umbrella", "Socks", "Café Blend", "Teekanne");
    private static final List<String> ADJECTIVES = List.of("Classic", "Organic", "Deluxe", "Mini", "Über",
            "Eco", "Vintage", "Pro", "Limited Édition", "Everyday", "和風");

    private final Generation generation;

    ItemData(Generation generation) {
        this.generation = generation;
    }

    void write(Connection connection, LocalDateTime setUp) throws SQLException {
        SplittableRandom random = generation.random("items");
        try (Inserter rows = new Inserter(connection, "item", "id,itemid,fullname,displayname,itemtype,description,"
                + "baseprice,cost,upccode,isinactive,isonline,subsidiary,incomeaccount,createddate,lastmodifieddate,"
                + "externalid,custitem_brand,custitem_launch_date,custitem_weight_kg,custitem_featured")) {
            for (int i = 1; i <= generation.items; i++) {
                HardText.Item hard = HardText.item(i - 1, generation.items);
                String name = Mess.pick(random, ADJECTIVES) + " " + Mess.pick(random, NOUNS);
                String type = i % 20 == 0 ? "Service" : i % 13 == 0 ? "Kit" : i % 9 == 0 ? "NonInvtPart" : "InvtPart";
                double price = Math.round((3 + random.nextDouble() * 240) * 4) / 4.0;
                LocalDateTime created = setUp.plusDays(random.nextInt(Generation.HISTORY_DAYS));
                String sku = "SKU-" + (10_000 + i);
                String description = random.nextInt(5) == 0 ? null : name + ", made to last.";
                if (hard != null) {
                    // Hard items stay active with a description, so the catalog carries both fields.
                    name = hard.title();
                    description = hard.description();
                }
                rows.row((long) i, sku, sku, name, type, description,
                        ReferenceData.money(price), ReferenceData.money(price * 0.45),
                        random.nextInt(4) == 0 ? null : String.valueOf(100_000_000_000L + random.nextLong(899_999_999_999L)),
                        random.nextInt(15) == 0 && hard == null, random.nextInt(5) != 0, 1L, 3L, created,
                        generation.after(random, created, Generation.HISTORY_DAYS),
                        random.nextInt(3) == 0 ? "shopify-" + (5_000 + i) : null,
                        random.nextInt(6) == 0 ? null : Mess.pick(random, List.of("Nordlicht", "Acme", "Müller & Co")),
                        created.toLocalDate().plusDays(random.nextInt(30)),
                        random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(5000), 3), random.nextInt(8) == 0);
            }
        }
    }

    /** Items a sales order may carry: the first ~90% (services and kits included) so inactive ones still appear. */
    static long pickItem(SplittableRandom random, int items) {
        return 1 + random.nextInt(items);
    }
}
