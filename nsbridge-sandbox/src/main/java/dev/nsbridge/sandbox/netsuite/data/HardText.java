package dev.nsbridge.sandbox.netsuite.data;

import java.util.List;

/**
 * Text that integrations get wrong when they mishandle bytes: a fixed set of customers, addresses, order memos and
 * item titles mixed into every generated account. Between them they hold accents, Polish, Turkish, Vietnamese,
 * Chinese and Japanese, emoji, Arabic and Hebrew (right to left), both quote marks, backslashes, and characters
 * outside the Basic Multilingual Plane (two UTF-16 units in Java, four bytes in UTF-8: 𠮷, 𝔘, 😀). They are spread
 * evenly over the customers and items, so a small account holds every one and a large one holds them as a few
 * customers among many. Hard customers keep a valid ASCII email, stay active and are never deleted, so every flow
 * carries their names to its destination; no value starts or ends with a space, which flows may trim.
 */
final class HardText {
    /** A customer: a person when {@code company} is null; {@code street} is the default billing address. */
    record Customer(String first, String last, String company, String street, String city, String state, String zip,
                    String country) {
    }

    record Item(String title, String description) {
    }

    static final List<Customer> CUSTOMERS = List.of(
            new Customer("José", "García-Núñez", null, "Calle de Alcalá 42", "Madrid", null, "28014", "ES"),
            new Customer("Łukasz", "Wróblewski", null, "ul. Żółkiewskiego 5", "Łódź", null, "90-001", "PL"),
            new Customer("Ayşe Nur", "Dağlı", null, "Bağdat Caddesi 12", "İstanbul", null, "34710", "TR"),
            new Customer("An", "Nguyễn Văn", null, "12 Phố Huế", "Hà Nội", null, "100000", "VN"),
            new Customer("太郎", "山田", null, "丸の内1-2-3", "東京都千代田区", null, "100-0005", "JP"),
            new Customer("一郎", "𠮷田", null, "𠮷田ビル 3F, 梅田2-4-9", "大阪市", null, "530-0001", "JP"),
            new Customer("Zoë 🌸", "Brontë", null, "7 Haworth Road", "Keighley", null, "BD22 8DR", "GB"),
            new Customer("محمد", "العلي", null, "شارع الملك فهد 7", "الرياض", null, "12211", "SA"),
            new Customer("נועה", "כהן", null, "רחוב הרצל 10", "תל אביב-יפו", null, "6100000", "IL"),
            new Customer("Seán", "O'Brien", null, "12 O'Connell Street", "Dublin", null, "D01 F5P2", "IE"),
            // A form that escaped the apostrophe twice, and a nickname in quotes: both survive in real accounts.
            new Customer("Robert \"Bobby\"", "D\\'Souza", null, "Flat 3\\B, 9 \"The Maltings\"", "Bristol", null,
                    "BS1 4DJ", "GB"),
            new Customer(null, null, "Łódź \"Świt\" Sp. z o.o.", "ul. Piotrkowska 104", "Łódź", null, "90-926", "PL"),
            new Customer(null, null, "株式会社𠮷野商店 😀", "銀座4-6-16", "東京都中央区", null, "104-0061", "JP"));

    static final List<Item> ITEMS = List.of(
            new Item("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Tee", "Soft cotton, printed in 𝔉𝔯𝔞𝔨𝔱𝔲𝔯."),
            new Item("抹茶 Matcha Set 🍵", "Stone-ground matcha from 宇治 (Uji)."),
            new Item("Çay Bardağı Seti (6'lı)", "İnce belli bardaklar, Türk çayı için."),
            new Item("Kubek \"Łoś\"", "Ceramiczny kubek z łosiem – 350 ml."),
            new Item("شاي بالنعناع – Mint Tea", "أوراق نعناع مجففة، ١٠٠ غرام."),
            new Item("ספל אספרסו Espresso Cup", "ספל חרסינה, 80 מ\"ל."),
            new Item("Path\\to\\Adventure Backpack", "Fits a 15\" laptop; the tag reads C:\\Gear\\Pack."),
            new Item("Bánh mì Tote Bag", "Túi vải in hình bánh mì Việt Nam."));

    /** Memos of the first sales orders; later ones keep the generator's usual note. */
    static final List<String> MEMOS = List.of("Deliver to the 東京 office 📦", "Kapıda ödeme – teşekkürler!",
            "Customer's \"urgent\" note: see C:\\Orders\\2024", "يرجى الاتصال قبل التوصيل",
            "Zadzwonić przed dostawą, dzięki!");

    private HardText() {
    }

    /** The hard customer at generated position {@code index} of {@code count}, or null for an ordinary one. */
    static Customer customer(int index, int count) {
        return spread(CUSTOMERS, index, count);
    }

    /** The hard item at position {@code index} (from 0) of {@code count}, or null for an ordinary one. */
    static Item item(int index, int count) {
        return spread(ITEMS, index, count);
    }

    static String memo(int order) {
        return order < MEMOS.size() ? MEMOS.get(order) : null;
    }

    private static <T> T spread(List<T> values, int index, int count) {
        int stride = Math.max(1, count / values.size());
        return index % stride == 0 && index / stride < values.size() ? values.get(index / stride) : null;
    }
}
