package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What ties entities to the ledger, written once customers and their orders exist: sub-customers under a parent
 * company, projects (jobs) for some business customers, each customer's and vendor's relationship with the
 * subsidiaries it trades with, and the accounts items post to. Done in SQL over the generated rows, so the random
 * streams of every other table stay as they were.
 */
final class RelationshipData {
    private final Generation generation;

    RelationshipData(Generation generation) {
        this.generation = generation;
    }

    void write(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UPDATE customer SET receivablesaccount = 2, "
                    + "url = CASE WHEN isperson = 'F' THEN 'https://www.example.com/c' || id END, "
                    + "comments = CASE WHEN MOD(id, 9) = 0 THEN 'Prefers invoices by e-mail.' END");
            statement.execute("UPDATE entityaddress SET dropdownstate = state WHERE country IN ('US', 'CA')");
            statement.execute("UPDATE item SET expenseaccount = 5, assetaccount = CASE WHEN itemtype = 'InvtPart' "
                    + "THEN 6 END, deferredrevenueaccount = CASE WHEN itemtype = 'Service' THEN 11 END, "
                    + "gainlossaccount = CASE WHEN itemtype = 'InvtPart' THEN 12 END, location = 1");
        }
        writeSubCustomers(connection);
        writeJobs(connection);
        try (Statement statement = connection.createStatement()) {
            // Every customer trades with its own subsidiary; some business customers with the parent too.
            statement.execute("INSERT INTO customersubsidiaryrelationship (id, entity, subsidiary, name, isprimarysub, "
                    + "primarycurrency, balance, depositbalance, unbilledorders, lastmodifieddate) "
                    + "SELECT ROW_NUMBER() OVER (ORDER BY id, primarysub DESC), id, sub, entitytitle, primarysub, "
                    + "currency, 0, 0, 0, lastmodifieddate FROM (SELECT id, subsidiary sub, 'T' primarysub, entitytitle, "
                    + "currency, lastmodifieddate FROM customer UNION ALL SELECT id, " + LedgerData.TOP_SUBSIDIARY
                    + ", 'F', entitytitle, currency, lastmodifieddate FROM customer WHERE isperson = 'F' "
                    + "AND subsidiary <> " + LedgerData.TOP_SUBSIDIARY + " AND MOD(id, 4) = 0)");
            statement.execute("INSERT INTO vendorsubsidiaryrelationship (id, entity, subsidiary, name, isprimarysub, "
                    + "primarycurrency, balance, balancebase, balancecurrency, creditlimit, prepaymentbalance, "
                    + "prepaymentbalancebase, unbilledorders, unbilledordersbase, lastmodifieddate) "
                    + "SELECT ROW_NUMBER() OVER (ORDER BY id), id, subsidiary, entitytitle, 'T', currency, 0, 0, 0, "
                    + "50000, 0, 0, 0, 0, lastmodifieddate FROM vendor");
        }
    }

    /** One business customer in five is a division of the business before it in the same subsidiary. */
    private static void writeSubCustomers(Connection connection) throws SQLException {
        Map<Long, Long> lastBusiness = new HashMap<>();
        int seen = 0;
        try (PreparedStatement query = connection.prepareStatement("SELECT id, subsidiary FROM customer "
                + "WHERE isperson = 'F' ORDER BY id");
             ResultSet rows = query.executeQuery();
             PreparedStatement update = connection.prepareStatement("UPDATE customer SET parent = ? WHERE id = ?")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                Long parent = lastBusiness.get(rows.getLong(2));
                if (parent != null && ++seen % 5 == 0) {
                    update.setLong(1, parent);
                    update.setLong(2, id);
                    update.addBatch();
                } else {
                    lastBusiness.put(rows.getLong(2), id);
                }
            }
            update.executeBatch();
        }
    }

    /** A project for about one business customer in three, billed to the customer's own addresses. */
    private void writeJobs(Connection connection) throws SQLException {
        List<Object[]> customers = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id, altname, subsidiary, "
                + "defaultbillingaddress, defaultshippingaddress, datecreated, email, phone FROM customer "
                + "WHERE isperson = 'F' AND MOD(id, 3) = 0 ORDER BY id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                customers.add(new Object[] {rows.getLong(1), rows.getString(2), rows.getLong(3),
                    rows.getObject(4), rows.getObject(5), rows.getObject(6, LocalDateTime.class), rows.getString(7),
                    rows.getString(8)});
            }
        }
        try (Inserter jobs = new Inserter(connection, "job", "id,entityid,altname,entitytitle,email,phone,isinactive,"
                + "subsidiary,datecreated,lastmodifieddate,externalid,companyname,customer,parent,defaultbillingaddress,"
                + "defaultshippingaddress,startdate,projectedenddate")) {
            for (Object[] customer : customers) {
                long id = generation.nextEntityId();
                long owner = (Long) customer[0];
                String name = "Rollout " + owner;
                LocalDateTime created = generation.after(generation.random("job-" + id), (LocalDateTime) customer[5],
                        200);
                jobs.row(id, "PRJ" + id, name, customer[1] + " : " + name, customer[6], customer[7], false,
                        customer[2], created, created, null, customer[1], owner, owner, customer[3], customer[4],
                        created.toLocalDate(), created.toLocalDate().plusDays(90));
            }
        }
    }
}
