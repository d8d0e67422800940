package dev.nsbridge.spi.state;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one pipeline has done to the outside world, kept durably beside (not inside) its checkpoint: facts that
 * must outlive a crash between an action and the commit that would otherwise record it, such as "this customer's
 * consent was sent". The checkpoint says where reading resumes; the ledger says what must not be done twice.
 * Keys and values are short texts the pipeline encodes itself.
 */
public interface Ledger {

    /** The entries held for these keys; keys never written are absent. */
    Map<String, String> find(Collection<String> keys);

    /** Writes or replaces the entries; durable when this returns. */
    void put(Map<String, String> entries);

    /** Forgets the entries; durable when this returns. */
    void remove(Collection<String> keys);

    /** A ledger kept in memory only, for a dry run (which must leave nothing behind) and for tests. */
    static Ledger inMemory() {
        Map<String, String> entries = new ConcurrentHashMap<>();
        return new Ledger() {
            @Override
            public Map<String, String> find(Collection<String> keys) {
                Map<String, String> found = new HashMap<>();
                keys.forEach(key -> {
                    String value = entries.get(key);
                    if (value != null) {
                        found.put(key, value);
                    }
                });
                return found;
            }

            @Override
            public void put(Map<String, String> added) {
                entries.putAll(added);
            }

            @Override
            public void remove(Collection<String> keys) {
                keys.forEach(entries::remove);
            }
        };
    }
}
