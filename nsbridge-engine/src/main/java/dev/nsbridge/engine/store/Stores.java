package dev.nsbridge.engine.store;

/** The four stores a runner needs, opened together over one database; closing closes the database. */
public interface Stores extends AutoCloseable {
    StateStore state();

    RunHistory history();

    ErrorStore errors();

    RunLocks locks();

    @Override
    void close();
}
