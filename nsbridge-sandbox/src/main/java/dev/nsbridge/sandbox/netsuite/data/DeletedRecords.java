package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Writes deletedrecord rows. type holds the record type's script id ('customer', 'salesorder'): which text real
 * accounts show there is not documented on the wire, and a script id is what a connector can map back to a table.
 */
final class DeletedRecords implements AutoCloseable {
    /** NetSuite's negative record type ids for standard records. */
    static final Map<String, Long> TYPE_IDS = Map.of("customer", -2L, "contact", -6L, "salesorder", -30L,
            "itemfulfillment", -30L, "invoice", -30L, "cashrefund", -30L, "creditmemo", -30L, "item", -10L);

    private final Inserter rows;

    DeletedRecords(Connection connection) throws SQLException {
        this.rows = new Inserter(connection, "deletedrecord",
                "recordid,recordtypeid,type,name,deleteddate,context,deletedby,iscustomrecord,iscustomlist");
    }

    void record(long id, String type, String name, LocalDateTime at, long deletedBy) throws SQLException {
        rows.row(id, TYPE_IDS.getOrDefault(type, -1L), type, name, at, id % 3 == 0 ? "WebServices" : "UI", deletedBy,
                false, false);
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }
}
