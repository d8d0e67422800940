package dev.nsbridge.sandbox.netsuite.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** Writes systemnote rows, the field-level audit trail, with ids from the generation's counter. */
final class SystemNotes implements AutoCloseable {
    private final Inserter rows;
    private final Generation generation;

    SystemNotes(Connection connection, Generation generation) throws SQLException {
        this.generation = generation;
        this.rows = new Inserter(connection, "systemnote",
                "id,date,recordid,recordtypeid,field,oldvalue,newvalue,name,role,context,type");
    }

    void note(long recordId, long recordTypeId, String type, String field, String oldValue, String newValue,
              LocalDateTime at) throws SQLException {
        rows.row(generation.nextSystemNoteId(), at, recordId, recordTypeId, field, oldValue, newValue,
                generation.firstEmployeeId, 3L, recordId % 4 == 0 ? "Web Services" : "User Interface", type);
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }
}
