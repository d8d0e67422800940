package dev.nsbridge.engine.store;

import dev.nsbridge.spi.state.Ledger;

/** The stores a runner and a scheduler need, opened together over one database; closing closes the database. */
public interface Stores extends AutoCloseable {
    StateStore state();

    RunHistory history();

    ErrorStore errors();

    RunLocks locks();

    /** Who runs each scheduled time when several servers share the store. */
    ScheduleClaims claims();

    /** The pipeline's ledger of what it did outside, durable across crashes and kept apart from its state. */
    Ledger ledger(String pipeline);

    @Override
    void close();
}
