package dev.nsbridge.sandbox.netsuite.data;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The untidy values real accounts hold: names in many scripts, missing and malformed emails, phones typed every way.
 * Integrations break on exactly these, so the sandbox serves them on purpose.
 */
final class Mess {
    static final List<String> FIRST_NAMES = List.of("Olivia", "Liam", "Zoë", "José", "François", "Sofía", "Noah",
            "Emma", "Łukasz", "Øyvind", "Aoife", "Chloé", "Björn", "Mia", "Lucas", "太郎", "Ana", "Mehmet", "Priya",
            "Jürgen", "Siobhán", "Ava", "Ethan", "Amélie", "Nguyễn Văn", "Isabella", "Oliver", "Ingrid", "Kenji", "Maëlle");
    static final List<String> LAST_NAMES = List.of("Smith", "Müller", "García", "O'Brien", "Nguyễn", "山田", "Kowalski",
            "Johnson", "Dubois", "Rossi", "Østergaard", "Brown", "Schäfer", "Yılmaz", "Patel", "Williams", "van der Berg",
            "Fernández", "Łukaszewicz", "Tanaka", "Jones", "Lefèvre", "Andersson", "東京", "MacDonald", "Silva");
    static final List<String> COMPANY_WORDS = List.of("Acme", "Northwind", "Blue Fjord", "Café Müller", "Zenith",
            "東京 Trading", "Harbor & Sons", "Brightline", "Élan", "Quartz", "Redwood", "Kiwi Labs", "Nordlicht");
    private static final List<String> DOMAINS = List.of("gmail.com", "yahoo.com", "outlook.com", "example.com",
            "icloud.com", "web.de", "orange.fr", "company.co.uk", "mail.jp");
    private static final List<String> CITIES = List.of("Portland|OR|97201|US", "Austin|TX|73301|US",
            "London||EC1A 1BB|GB", "München|BY|80331|DE", "東京都||100-0001|JP", "Toronto|ON|M5H 2N2|CA",
            "Bristol||BS1 4DJ|GB", "Berlin|BE|10115|DE", "San Francisco|CA|94105|US", "Osaka||530-0001|JP");

    private Mess() {
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static boolean chance(SplittableRandom random, double share) {
        return random.nextDouble() < share;
    }

    /** Mostly valid addresses; about 7% missing and 5% malformed the ways people mistype them. */
    static String email(SplittableRandom random, String first, String last, long id) {
        double roll = random.nextDouble();
        String local = ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last).toLowerCase(Locale.ROOT) + id;
        String domain = pick(random, DOMAINS);
        if (roll < 0.07) {
            return null;
        }
        if (roll < 0.12) {
            return switch (random.nextInt(6)) {
                case 0 -> local + "@";
                case 1 -> local + " at " + domain;
                case 2 -> local + "@@" + domain;
                case 3 -> "  " + local + "@" + domain + " ";
                case 4 -> local + "@" + domain.replace(".", "");
                default -> "n/a";
            };
        }
        if (roll < 0.15) {
            return (local + "@" + domain).toUpperCase(Locale.ROOT);
        }
        return local + "@" + domain;
    }

    /** A well-formed ASCII address for a customer whose name may be in any script. */
    static String validEmail(String first, String last, long id) {
        return ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last).toLowerCase(Locale.ROOT) + id + "@example.com";
    }

    /** Phones as people type them, by country, with some missing and some garbage. */
    static String phone(SplittableRandom random) {
        int a = 200 + random.nextInt(700);
        int b = 100 + random.nextInt(900);
        int c = 1000 + random.nextInt(9000);
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> "(" + a + ") " + b + "-" + c;
            case 2 -> a + "." + b + "." + c + " ext. " + (1 + random.nextInt(99));
            case 3 -> "+44 20 " + (7000 + random.nextInt(999)) + " " + c;
            case 4 -> "+1 " + a + "-" + b + "-" + c;
            case 5 -> "" + a + b + c;
            case 6 -> "+49 30 " + b + c;
            case 7 -> "03-" + c + "-" + c;
            case 8 -> "call me";
            case 9 -> "555-" + c;
            case 10 -> "+1 (" + a + ") " + b + " " + c;
            default -> a + "-" + b + "-" + c;
        };
    }

    /** City, state, zip and country of a plausible address. */
    static String[] city(SplittableRandom random) {
        return pick(random, CITIES).split("\\|", -1);
    }

    static String street(SplittableRandom random) {
        return (1 + random.nextInt(9999)) + " " + pick(random, List.of("Main St", "Oak Avenue", "Königstraße",
                "High Street", "Rue de Rivoli", "Elm St Apt " + (1 + random.nextInt(40)), "1-2-3 Marunouchi",
                "Baker Street", "Maple Rd"));
    }

    private static String ascii(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z]", "");
        return plain.isEmpty() ? "user" : plain;
    }
}
