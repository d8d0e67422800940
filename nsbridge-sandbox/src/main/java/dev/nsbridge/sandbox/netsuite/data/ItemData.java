package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The item catalogue: mostly inventory items, a few services and kits, some inactive, custitem fields, and after
 * them a few matrix items. A matrix item is, in SuiteQL's {@code item} table, a parent row ({@code matrixtype}
 * {@code PARENT}) and one row per option combination ({@code matrixtype} {@code CHILD}, {@code parent} = the
 * parent's id) with its own SKU, price and stock; the parent carries no stock of its own. Stock is
 * {@code totalquantityonhand}, the item's quantity on hand summed over locations, for inventory items only.
 * Stock and matrix items draw from their own random streams, so every other column keeps the values it had.
 */
final class ItemData {
    private static final List<String> NOUNS = List.of("Mug", "T-Shirt", "Backpack", "Water Bottle", "Notebook",
            "Hoodie", "Candle", "Sneakers", "Scarf", "Tea Set", "Lamp", "Umbrella", "Socks", "Café Blend", "Teekanne");
    private static final List<String> ADJECTIVES = List.of("Classic", "Organic", "Deluxe", "Mini", "Über",
            "Eco", "Vintage", "Pro", "Limited Édition", "Everyday", "和風");

    private static final List<String> MATRIX_NOUNS = List.of("Merino Sweater", "Rain Jacket", "Linen Shirt",
            "Trail Shorts", "Strickmütze");
    private static final List<String> SIZES = List.of("S", "M", "L", "XL");

    private final Generation generation;

    ItemData(Generation generation) {
        this.generation = generation;
    }

    void write(Connection connection, LocalDateTime setUp) throws SQLException {
        SplittableRandom random = generation.random("items");
        try (Inserter rows = new Inserter(connection, "item", "id,itemid,fullname,displayname,itemtype,description,"
                + "baseprice,cost,upccode,isinactive,isonline,subsidiary,incomeaccount,createddate,lastmodifieddate,"
                + "externalid,custitem_brand,custitem_launch_date,custitem_weight_kg,custitem_featured,parent,matrixtype,"
                + "totalquantityonhand")) {
            SplittableRandom stock = generation.random("item-stock");
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
                        random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(5000), 3), random.nextInt(8) == 0,
                        null, null, type.equals("InvtPart") ? onHand(stock) : null);
            }
            writeMatrixItems(rows, setUp);
        }
    }

    /** Parents after the plain items, each followed by its children: apparel in sizes, as stores sell it. */
    private void writeMatrixItems(Inserter rows, LocalDateTime setUp) throws SQLException {
        SplittableRandom random = generation.random("matrix-items");
        long id = generation.items;
        for (int m = 0; m < matrixParents(generation.items); m++) {
            long parent = ++id;
            String sku = "SKU-M" + (100 + m);
            String name = Mess.pick(random, MATRIX_NOUNS);
            double price = Math.round((15 + random.nextDouble() * 80) * 4) / 4.0;
            LocalDateTime created = setUp.plusDays(random.nextInt(Generation.HISTORY_DAYS));
            LocalDateTime modified = generation.after(random, created, Generation.HISTORY_DAYS);
            rows.row(parent, sku, sku, name, "InvtPart", name + ", in every size.", ReferenceData.money(price),
                    ReferenceData.money(price * 0.4), null, false, true, 1L, 3L, created, modified, null,
                    "Nordlicht", created.toLocalDate(), null, false, null, "PARENT", null);
            for (String size : SIZES) {
                // A larger size costs a little more; the children change no earlier than their parent.
                double sizePrice = price + (size.equals("XL") ? 5 : 0);
                rows.row(++id, sku + "-" + size, sku + " : " + sku + "-" + size, name + " - " + size, "InvtPart",
                        name + ", size " + size + ".", ReferenceData.money(sizePrice),
                        ReferenceData.money(sizePrice * 0.4), null, random.nextInt(10) == 0, true, 1L, 3L, created,
                        generation.after(random, modified, 0), null, "Nordlicht", created.toLocalDate(), null,
                        false, parent, "CHILD", onHand(random));
            }
        }
    }

    /** A few matrix items whatever the scale, more as the account grows. */
    static int matrixParents(int items) {
        return Math.max(3, items / 50);
    }

    /** Quantity on hand; about one in six is sold out, which is what back-in-stock is for. */
    private static BigDecimal onHand(SplittableRandom random) {
        return random.nextInt(6) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(1 + random.nextInt(250));
    }

    /** Items a sales order may carry: the first ~90% (services and kits included) so inactive ones still appear. */
    static long pickItem(SplittableRandom random, int items) {
        return 1 + random.nextInt(items);
    }
}
