package dev.nsbridge.netsuite.source;

import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.state.State;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A destination in miniature: applies batches as a merge load does (upsert on the primary key, deleted keys
 * removed, a scope's stored rows not carried by the batch removed) and keeps the last state.
 */
final class MergedTable {
    private final List<String> key;
    private final Map<String, List<Object>> rows = new TreeMap<>();
    private final Map<String, List<Object>> keys = new TreeMap<>();
    private final List<Batch> batches = new ArrayList<>();
    private long upsertsOfKnownKeys;
    private State state = State.EMPTY;

    MergedTable(List<String> key) {
        this.key = List.copyOf(key);
    }

    void apply(Batch batch) {
        batches.add(batch);
        Set<String> carried = new HashSet<>();
        for (int i = 0; i < batch.rows().size(); i++) {
            carried.add(keyOf(batch, i));
        }
        batch.replaces().ifPresent(scope -> {
            Set<String> values = new HashSet<>();
            scope.values().forEach(v -> values.add(String.valueOf(v)));
            int position = key.indexOf(scope.column());
            keys.entrySet().removeIf(stored -> {
                boolean gone = values.contains(String.valueOf(stored.getValue().get(position)))
                        && !carried.contains(stored.getKey());
                if (gone) {
                    rows.remove(stored.getKey());
                }
                return gone;
            });
        });
        for (int i = 0; i < batch.rows().size(); i++) {
            keys.put(keyOf(batch, i), keyValues(batch, i));
            if (rows.put(keyOf(batch, i), Arrays.asList(batch.rows().get(i))) != null) {
                upsertsOfKnownKeys++;
            }
        }
        for (List<Object> deleted : batch.deletedKeys()) {
            rows.remove(deleted.toString());
            keys.remove(deleted.toString());
        }
        state = batch.stateAfter();
    }

    private String keyOf(Batch batch, int row) {
        return keyValues(batch, row).toString();
    }

    private List<Object> keyValues(Batch batch, int row) {
        List<Object> values = new ArrayList<>();
        key.forEach(column -> values.add(batch.value(row, column)));
        return values;
    }

    Map<String, List<Object>> rows() {
        return rows;
    }

    List<Batch> batches() {
        return batches;
    }

    long upsertsOfKnownKeys() {
        return upsertsOfKnownKeys;
    }

    State state() {
        return state;
    }
}
