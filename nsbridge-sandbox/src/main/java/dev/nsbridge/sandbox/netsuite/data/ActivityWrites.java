package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/** The single changes {@link ActivitySimulator} makes, each stamped with the generation's now. */
final class ActivityWrites {
    private final Connection connection;
    private final Generation generation;
    private final SplittableRandom random;
    private final LocalDateTime now;
    private final DeletedRecords deletions;
    private final SystemNotes notes;
    private TransactionData transactions;
    private Documents documents;
    private long nextEntityId;

    ActivityWrites(Connection connection, Generation generation, SplittableRandom random) throws SQLException {
        this.connection = connection;
        this.generation = generation;
        this.random = random;
        this.now = generation.now;
        this.deletions = new DeletedRecords(connection);
        generation.firstEmployeeId = longOf("SELECT MIN(id) FROM employee");
        generation.employees = Math.max(1, longOf("SELECT COUNT(*) FROM employee"));
        this.nextEntityId = longOf("SELECT MAX(id) FROM (SELECT MAX(id) id FROM customer UNION ALL SELECT MAX(id) "
                + "FROM contact UNION ALL SELECT MAX(id) FROM vendor UNION ALL SELECT MAX(id) FROM job "
                + "UNION ALL SELECT MAX(recordid) FROM deletedrecord "
                + "WHERE recordtypeid <> -30)") + 1;
        generation.startSystemNotesAt(longOf("SELECT COALESCE(MAX(id), 0) FROM systemnote") + 1);
        this.notes = new SystemNotes(connection, generation);
    }

    void newCustomer() throws SQLException {
        long id = nextEntityId++;
        String first = Mess.pick(random, Mess.FIRST_NAMES);
        String last = Mess.pick(random, Mess.LAST_NAMES);
        long subsidiary = 1 + random.nextInt(Generation.SUBSIDIARIES);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer (id, entityid, altname, "
                + "entitytitle, email, phone, isinactive, subsidiary, datecreated, lastmodifieddate, firstname, "
                + "lastname, isperson, currency, globalsubscriptionstatus, custentity_vip) VALUES (?, ?, ?, ?, ?, ?, "
                + "'F', ?, ?, ?, ?, ?, 'T', ?, ?, 'F')")) {
            Object[] values = {id, "CUST" + id, first + " " + last, "CUST" + id + " " + first + " " + last,
                Mess.email(random, first, last, id), Mess.phone(random), subsidiary, now, now, first, last,
                Generation.currencyOf(subsidiary), EntityData.consent(random).id};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
        notes.note(id, -2, "Create", null, null, null, now);
    }

    boolean editCustomer(OptionalLong id) throws SQLException {
        if (id.isEmpty()) {
            return false;
        }
        SubscriptionStatus consent = EntityData.consent(random);
        int changed = update("UPDATE customer SET phone = ?, globalsubscriptionstatus = ?, lastmodifieddate = ? "
                + "WHERE id = ?", Mess.phone(random), consent.id, now, id.getAsLong());
        notes.note(id.getAsLong(), -2, "Change", "globalsubscriptionstatus", null, String.valueOf(consent.id), now);
        return changed > 0;
    }

    boolean newOrder(OptionalLong customer) throws SQLException {
        if (customer.isEmpty()) {
            return false;
        }
        long subsidiary;
        Long billing;
        try (PreparedStatement query = connection.prepareStatement("SELECT subsidiary, defaultbillingaddress FROM "
                + "customer WHERE id = ?")) {
            query.setLong(1, customer.getAsLong());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                subsidiary = rows.getLong(1);
                billing = rows.getObject(2) == null ? null : rows.getLong(2);
            }
        }
        if (transactions == null) {
            long first = longOf("SELECT MAX(id) FROM (SELECT MAX(id) id FROM transaction UNION ALL "
                    + "SELECT MAX(recordid) FROM deletedrecord WHERE recordtypeid = -30)") + 1;
            transactions = new TransactionData(generation, connection, first);
            documents = new Documents(connection, now.minusYears(2), generation.firstEmployeeId);
        }
        transactions.order(documents, random, customer.getAsLong(), subsidiary, now, billing, null);
        return true;
    }

    boolean editOrder(OptionalLong order) throws SQLException {
        if (order.isEmpty()) {
            return false;
        }
        long id = order.getAsLong();
        update("UPDATE transactionline SET memo = ?, linelastmodifieddate = ? WHERE transaction = ? AND id IN (0, 1)",
                "Changed by customer service", now, id);
        return update("UPDATE transaction SET memo = ?, lastmodifieddate = ? WHERE id = ?",
                "Customer asked for a change: \"gift wrap\" 🎁", now, id) > 0;
    }

    /** Removes the last item line of an open order: the order survives, so deletedrecord never hears of it. */
    boolean removeLine(OptionalLong order) throws SQLException {
        if (order.isEmpty()) {
            return false;
        }
        long id = order.getAsLong();
        int removed = update("DELETE FROM transactionline WHERE transaction = ? AND id = (SELECT MAX(id) FROM "
                + "transactionline WHERE transaction = ? AND mainline = 'F' AND taxline = 'F')", id, id);
        update("UPDATE transactionline SET linelastmodifieddate = ? WHERE transaction = ? AND id = 0", now, id);
        update("UPDATE transaction SET lastmodifieddate = ? WHERE id = ?", now, id);
        return removed > 0;
    }

    boolean deleteCustomer(OptionalLong customer) throws SQLException {
        if (customer.isEmpty()) {
            return false;
        }
        long id = customer.getAsLong();
        String name = stringOf("SELECT altname FROM customer WHERE id = " + id);
        try (PreparedStatement contacts = connection.prepareStatement("SELECT id, altname FROM contact WHERE company = ?")) {
            contacts.setLong(1, id);
            try (ResultSet rows = contacts.executeQuery()) {
                while (rows.next()) {
                    deletions.record(rows.getLong(1), "contact", rows.getString(2), now, generation.firstEmployeeId);
                }
            }
        }
        update("DELETE FROM contact WHERE company = ?", id);
        update("DELETE FROM customeraddressbook WHERE entity = ?", id);
        update("DELETE FROM entityaddress WHERE recordowner = ?", id);
        deletions.record(id, "customer", name, now, generation.firstEmployeeId);
        return update("DELETE FROM customer WHERE id = ?", id) > 0;
    }

    boolean deleteOrder(OptionalLong order) throws SQLException {
        if (order.isEmpty()) {
            return false;
        }
        long id = order.getAsLong();
        String tranid = stringOf("SELECT tranid FROM transaction WHERE id = " + id);
        for (String table : new String[] {"transactionaccountingline", "transactionline"}) {
            update("DELETE FROM " + table + " WHERE transaction = ?", id);
        }
        update("DELETE FROM transactionbillingaddress WHERE nkey = ?", id);
        update("DELETE FROM transactionshippingaddress WHERE nkey = ?", id);
        deletions.record(id, "salesorder", "Sales Order #" + tranid, now, generation.firstEmployeeId);
        return update("DELETE FROM transaction WHERE id = ?", id) > 0;
    }

    /** Flushes the batched rows and gives new orders their address copies. */
    void finish() throws SQLException {
        deletions.close();
        notes.close();
        if (documents != null) {
            documents.close();
            TransactionData.copyOrderAddresses(connection);
        }
    }

    private int update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        }
    }

    private long longOf(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String stringOf(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
