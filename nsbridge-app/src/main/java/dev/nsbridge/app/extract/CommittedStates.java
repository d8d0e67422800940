package dev.nsbridge.app.extract;

import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.store.StateStore;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.warehouse.MetaColumns;
import dev.nsbridge.warehouse.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where an extract stands: the state a warehouse committed beside the rows, else the state store's. Reads only;
 * opening a writer would create or alter the table, which {@code nsbridge status} must never do.
 */
public final class CommittedStates {
    private final Function<String, Destination> destinations;
    private final StateStore stateStore;

    public CommittedStates(Function<String, Destination> destinations, StateStore stateStore) {
        this.destinations = destinations;
        this.stateStore = stateStore;
    }

    public State of(ExtractConfig extract) {
        return fromWarehouse(extract).or(() -> stateStore.load(extract.name())).orElse(State.EMPTY);
    }

    private Optional<State> fromWarehouse(ExtractConfig extract) {
        Destination destination = destinations.apply(extract.destination());
        TableName table = TableName.parse(extract.destinationTable()).sibling(MetaColumns.STATE_TABLE);
        try (Connection connection = WarehouseConnections.open(destination).orElse(null)) {
            if (connection == null) {
                return Optional.empty();
            }
            TreeMap<String, Object> values = new TreeMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT name, kind, value FROM " + table.sql() + " WHERE pipeline = ?")) {
                statement.setString(1, extract.name());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        values.put(rows.getString(1), decode(rows.getString(2), rows.getString(3)));
                    }
                }
            }
            return values.isEmpty() ? Optional.empty() : Optional.of(new State(values));
        } catch (SQLException noStateTableYet) {
            // Before the first run there is no state table: that extract simply has no position yet.
            return Optional.empty();
        }
    }

    private static Object decode(String kind, String value) {
        return switch (kind) {
            case "long" -> Long.valueOf(value);
            case "double" -> Double.valueOf(value);
            case "boolean" -> Boolean.valueOf(value);
            default -> value;
        };
    }
}
