package dev.nsbridge.netsuite.governance;

/**
 * Where a {@link LoginGuard} keeps its count of failed logins: it outlives the process, and every guard of the
 * account that shares it (other pipelines, {@code nsbridge check}, other servers sharing a state store) counts
 * into the same record, so together they never reach NetSuite's lockout.
 */
public interface LoginRecords {

    /** The record as last written; {@link LoginRecord#CLEAR} when none was. */
    LoginRecord read();

    /** Changes the record in one step that no other guard sharing it can interleave with; answers the new one. */
    LoginRecord change(java.util.function.UnaryOperator<LoginRecord> change);

    /** Where the record is kept, for messages: a file's path or a store's key. */
    String where();
}
