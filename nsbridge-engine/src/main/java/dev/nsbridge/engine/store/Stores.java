package dev.nsbridge.engine.store;

/** The stores a runner and a scheduler need, opened together over one database; closing closes the database. */
public interface Stores extends AutoCloseable {
    StateStore state();

    RunHistory history();

    ErrorStore errors();

    RunLocks locks();

    /** Who runs each scheduled time when several servers share the store. */
    ScheduleClaims claims();

    @Override
    void close();
}
