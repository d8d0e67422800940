package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/** Customers with their address books and contacts; a few deleted ones survive only in deletedrecord. */
final class EntityData {
    private static final String ULID_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final String CUSTOMER_COLUMNS = "id,entityid,altname,entitytitle,email,phone,isinactive,subsidiary,"
            + "datecreated,lastmodifieddate,externalid,companyname,firstname,lastname,isperson,currency,"
            + "defaultbillingaddress,defaultshippingaddress,globalsubscriptionstatus,salesrep,category,entitystatus,"
            + "custentity_klaviyo_profile_id,custentity_vip,custentity_birthday,custentity_loyalty_points,"
            + "custentity_last_synced,custentity_loyalty_tier";

    /** What transactions need to know of the customers that still exist. */
    record Customers(long[] ids, long[] subsidiaries, LocalDateTime[] created, long[] billing, long[] shipping) {
    }

    private final Generation generation;

    EntityData(Generation generation) {
        this.generation = generation;
    }

    Customers write(Connection connection) throws SQLException {
        SplittableRandom random = generation.random("customers");
        int count = generation.customers;
        long[] ids = new long[count];
        long[] subsidiaries = new long[count];
        LocalDateTime[] created = new LocalDateTime[count];
        long[] billing = new long[count];
        long[] shipping = new long[count];
        int kept = 0;
        try (Inserter customers = new Inserter(connection, "customer", CUSTOMER_COLUMNS);
             Inserter addresses = new Inserter(connection, "entityaddress", "nkey,addressee,attention,addr1,addr2,"
                     + "city,state,zip,country,addrphone,addrtext,recordowner,lastmodifieddate");
             Inserter book = new Inserter(connection, "customeraddressbook", "entity,internalid,addressbookaddress,"
                     + "label,defaultbilling,defaultshipping,isresidential");
             Inserter contacts = new Inserter(connection, "contact", "id,entityid,altname,entitytitle,email,phone,"
                     + "isinactive,subsidiary,datecreated,lastmodifieddate,firstname,lastname,company,title,"
                     + "globalsubscriptionstatus,custentity_klaviyo_profile_id,custentity_secondary_email");
             DeletedRecords deletions = new DeletedRecords(connection);
             SystemNotes notes = new SystemNotes(connection, generation)) {
            for (int i = 0; i < count; i++) {
                long id = generation.nextEntityId();
                // A hard customer takes the place of an ordinary one; the random draws stay as they were.
                HardText.Customer hard = HardText.customer(i, count);
                boolean person = random.nextInt(10) < 7;
                String first = Mess.pick(random, Mess.FIRST_NAMES);
                String last = Mess.pick(random, Mess.LAST_NAMES);
                String company = person ? null : Mess.pick(random, Mess.COMPANY_WORDS) + " " + (i + 1);
                if (hard != null) {
                    person = hard.company() == null;
                    first = person ? hard.first() : first;
                    last = person ? hard.last() : last;
                    company = hard.company();
                }
                String name = person ? first + " " + last : company;
                LocalDateTime createdAt = generation.pastMoment(random);
                LocalDateTime modified = generation.after(random, createdAt, 400);
                if (random.nextInt(50) == 0 && hard == null) {
                    // Deleted customers keep their id gap and are known only to deletedrecord.
                    deletions.record(id, "customer", name, generation.after(random, modified, 200),
                            generation.firstEmployeeId);
                    continue;
                }
                long subsidiary = 1 + (long) (Math.pow(random.nextDouble(), 2) * Generation.SUBSIDIARIES);
                Long[] keys = addressBook(random, id, name, createdAt, addresses, book, hard);
                SubscriptionStatus consent = consent(random);
                String profileId = random.nextInt(10) < 3 ? profileId(random) : null;
                String email = Mess.email(random, first, last, id);
                String phone = Mess.phone(random);
                boolean inactive = random.nextInt(25) == 0;
                if (hard != null) {
                    email = Mess.validEmail(first, last, id);
                    phone = null;
                    inactive = false;
                }
                customers.row(id, "CUST" + id, name, "CUST" + id + " " + name, email, phone, inactive, subsidiary,
                        createdAt, modified,
                        random.nextInt(4) == 0 ? "shopify-" + (900_000 + id) : null, company, person ? first : null,
                        person ? last : null, person, Generation.currencyOf(subsidiary), keys[0], keys[1], consent.id,
                        generation.firstEmployeeId + random.nextInt((int) generation.employees),
                        (long) (1 + random.nextInt(3)), 13L, profileId, random.nextInt(10) == 0,
                        random.nextInt(5) < 2 ? createdAt.toLocalDate().minusYears(20 + random.nextInt(50)) : null,
                        random.nextInt(3) == 0 ? null : (long) random.nextInt(20_000),
                        profileId == null ? null : generation.after(random, modified, 60),
                        random.nextInt(3) == 0 ? null : (long) (1 + random.nextInt(4)));
                notes.note(id, -2, "Create", null, null, null, createdAt);
                if (random.nextInt(7) == 0) {
                    notes.note(id, -2, "Change", "globalsubscriptionstatus", "1", String.valueOf(consent.id), modified);
                }
                if (!person || random.nextInt(5) == 0) {
                    writeContacts(random, id, subsidiary, company == null ? last : company, createdAt, contacts);
                }
                ids[kept] = id;
                subsidiaries[kept] = subsidiary;
                created[kept] = createdAt;
                billing[kept] = keys[0] == null ? 0 : keys[0];
                shipping[kept] = keys[1] == null ? 0 : keys[1];
                kept++;
            }
        }
        return new Customers(java.util.Arrays.copyOf(ids, kept), java.util.Arrays.copyOf(subsidiaries, kept),
                java.util.Arrays.copyOf(created, kept), java.util.Arrays.copyOf(billing, kept),
                java.util.Arrays.copyOf(shipping, kept));
    }

    /** Answers the default billing and shipping address keys; about 5% of customers have no address at all. */
    private Long[] addressBook(SplittableRandom random, long owner, String name, LocalDateTime created,
                               Inserter addresses, Inserter book, HardText.Customer hard) throws SQLException {
        if (random.nextInt(20) == 0 && hard == null) {
            return new Long[] {null, null};
        }
        int count = random.nextInt(4) == 0 ? 2 : 1;
        Long[] keys = new Long[2];
        for (int n = 0; n < count; n++) {
            long key = generation.nextAddressKey();
            String[] city = Mess.city(random);
            String street = Mess.street(random);
            String suite = random.nextInt(6) == 0 ? "Suite " + (1 + random.nextInt(500)) : null;
            if (hard != null && n == 0) {
                city = new String[] {hard.city(), hard.state() == null ? "" : hard.state(), hard.zip(), hard.country()};
                street = hard.street();
                suite = null;
            }
            addresses.row(key, name, null, street, suite, city[0], city[1].isEmpty() ? null : city[1], city[2],
                    city[3], Mess.phone(random),
                    name + "\n" + street + "\n" + city[0] + " " + city[1] + " " + city[2], owner, created);
            boolean billing = n == 0;
            boolean shipping = count == 1 || n == 1;
            book.row(owner, (long) n + 1, key, n == 0 ? "Home" : "Work", billing, shipping, random.nextBoolean());
            if (billing) {
                keys[0] = key;
            }
            if (shipping) {
                keys[1] = key;
            }
        }
        return keys;
    }

    private void writeContacts(SplittableRandom random, long company, long subsidiary, String companyName,
                               LocalDateTime created, Inserter contacts) throws SQLException {
        int count = 1 + random.nextInt(2);
        for (int n = 0; n < count; n++) {
            long id = generation.nextEntityId();
            String first = Mess.pick(random, Mess.FIRST_NAMES);
            String last = Mess.pick(random, Mess.LAST_NAMES);
            LocalDateTime at = generation.after(random, created, 300);
            contacts.row(id, first + " " + last, first + " " + last, companyName + " : " + first + " " + last,
                    Mess.email(random, first, last, id), Mess.phone(random), false, subsidiary, at,
                    generation.after(random, at, 300), first, last, company,
                    Mess.pick(random, List.of("Buyer", "Owner", "Accounts Payable", "CEO", "")),
                    consent(random).id, random.nextInt(5) == 0 ? profileId(random) : null,
                    random.nextInt(6) == 0 ? Mess.email(random, last, first, id + 1) : null);
        }
    }

    static SubscriptionStatus consent(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 45 ? SubscriptionStatus.SOFT_OPT_IN : roll < 70 ? SubscriptionStatus.SOFT_OPT_OUT
                : roll < 90 ? SubscriptionStatus.CONFIRMED_OPT_IN : SubscriptionStatus.CONFIRMED_OPT_OUT;
    }

    /** Klaviyo profile ids are 26-character ULIDs. */
    static String profileId(SplittableRandom random) {
        StringBuilder id = new StringBuilder("01");
        for (int i = 0; i < 24; i++) {
            id.append(ULID_CHARS.charAt(random.nextInt(ULID_CHARS.length())));
        }
        return id.toString();
    }
}
