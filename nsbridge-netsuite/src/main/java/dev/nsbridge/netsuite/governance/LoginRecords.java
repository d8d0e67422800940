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

    /**
     * Holds the right to make the one login attempt whose verdict the others wait for, until closed; waits while
     * another guard sharing these records holds it. The holder's process dying releases it, so a killed attempt
     * leaves nothing behind. By default only the guard's own threads are kept apart (a store shared by servers on
     * several hosts has no lock that dies with a process).
     */
    default AutoCloseable holdAttempt() throws InterruptedException {
        return () -> { };
    }
}
