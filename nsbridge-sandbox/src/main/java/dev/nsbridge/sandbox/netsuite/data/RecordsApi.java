package dev.nsbridge.sandbox.netsuite.data;

import dev.nsbridge.sandbox.netsuite.data.RecordLayout.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The records API's customer and contact: read, create and patch, stamping lastmodifieddate with the clock. */
final class RecordsApi {
    private static final String ENTITY_IDS = "SELECT MAX(id) FROM (SELECT MAX(id) id FROM customer UNION ALL "
            + "SELECT MAX(id) FROM contact UNION ALL SELECT MAX(id) FROM employee UNION ALL SELECT MAX(id) FROM vendor "
            + "UNION ALL SELECT MAX(recordid) FROM deletedrecord WHERE type IN ('customer', 'contact'))";

    private final AccountDatabase database;
    private final Clock clock;
    private final ZoneId zone;
    private final RecordValues values;

    RecordsApi(AccountDatabase database, Clock clock, ZoneId zone) {
        this.database = database;
        this.clock = clock;
        this.zone = zone;
        this.values = new RecordValues(zone);
    }

    Optional<Map<String, Object>> get(String type, long id) {
        Optional<RecordLayout> layout = RecordLayout.of(type);
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        String columns = layout.get().fields().stream()
                .map(field -> field.kind() == RecordLayout.Kind.SELECT
                        ? field.column() + ", " + DisplayNames.expression(field.column()) + " AS df_" + field.column()
                        : field.column())
                .collect(Collectors.joining(", "));
        try {
            return database.read(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT " + columns + " FROM "
                        + layout.get().table() + " WHERE id = ?")) {
                    statement.setLong(1, id);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.empty();
                        }
                        Map<String, Object> record = new LinkedHashMap<>();
                        for (Field field : layout.get().fields()) {
                            String refName = field.kind() == RecordLayout.Kind.SELECT
                                    ? rows.getString("df_" + field.column()) : null;
                            Object value = values.toJson(field, rows, refName);
                            if (value != null) {
                                record.put(field.name(), value);
                            }
                        }
                        return Optional.of(record);
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + type + " " + id, e);
        }
    }

    synchronized long create(String type, Map<String, Object> body) throws SuiteQlException {
        RecordLayout layout = layout(type);
        try {
            return database.write(connection -> {
                Map<String, Object> columns = columns(connection, layout, body);
                long id;
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(ENTITY_IDS)) {
                    rows.next();
                    id = rows.getLong(1) + 1;
                }
                LocalDateTime now = now();
                columns.put("id", id);
                columns.putIfAbsent("entityid", (type.equals("customer") ? "CUST" : "CONT") + id);
                columns.putIfAbsent("subsidiary", 1L);
                columns.putIfAbsent("globalsubscriptionstatus", SubscriptionStatus.SOFT_OPT_OUT.id);
                columns.putIfAbsent("isinactive", "F");
                if (type.equals("customer")) {
                    columns.putIfAbsent("isperson", columns.get("companyname") == null ? "T" : "F");
                    columns.putIfAbsent("currency", Generation.currencyOf((Long) columns.get("subsidiary")));
                }
                columns.put("datecreated", now);
                columns.put("lastmodifieddate", now);
                List<String> names = new ArrayList<>(columns.keySet());
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + layout.table() + " ("
                        + String.join(", ", names) + ") VALUES (" + names.stream().map(name -> "?")
                        .collect(Collectors.joining(", ")) + ")")) {
                    bind(insert, names, columns);
                    insert.executeUpdate();
                }
                refreshNames(connection, layout, id);
                return id;
            });
        } catch (SQLException e) {
            throw new SuiteQlException("UNEXPECTED_ERROR", "An unexpected error occurred. " + e.getMessage());
        } catch (WrappedRefusal refusal) {
            throw refusal.refusal;
        }
    }

    synchronized boolean update(String type, long id, Map<String, Object> body) throws SuiteQlException {
        RecordLayout layout = layout(type);
        try {
            return database.write(connection -> {
                Map<String, Object> columns = columns(connection, layout, body);
                columns.put("lastmodifieddate", now());
                List<String> names = new ArrayList<>(columns.keySet());
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + layout.table() + " SET "
                        + names.stream().map(name -> name + " = ?").collect(Collectors.joining(", "))
                        + " WHERE id = ?")) {
                    bind(update, names, columns);
                    update.setLong(names.size() + 1, id);
                    if (update.executeUpdate() == 0) {
                        return false;
                    }
                }
                refreshNames(connection, layout, id);
                return true;
            });
        } catch (SQLException e) {
            throw new SuiteQlException("UNEXPECTED_ERROR", "An unexpected error occurred. " + e.getMessage());
        } catch (WrappedRefusal refusal) {
            throw refusal.refusal;
        }
    }

    private static RecordLayout layout(String type) throws SuiteQlException {
        return RecordLayout.of(type).orElseThrow(() -> new SuiteQlException("INVALID_PARAMETER",
                "Record type '" + type + "' does not exist."));
    }

    /** Validates every field of the body before anything is written. */
    private Map<String, Object> columns(Connection connection, RecordLayout layout, Map<String, Object> body)
            throws SQLException {
        Map<String, Object> columns = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Object> entry : body.entrySet()) {
                Field field = layout.field(entry.getKey()).orElseThrow(() -> new SuiteQlException("INVALID_PARAMETER",
                        "Error while accessing a resource. Invalid field name '" + entry.getKey()
                                + "': the " + layout.type() + " record has no such field."));
                if (field.readOnly()) {
                    throw new SuiteQlException("USER_ERROR", "Error while accessing a resource. The field "
                            + field.name() + " is read-only.");
                }
                columns.put(field.column(), values.toColumn(connection, field, entry.getValue()));
            }
        } catch (SuiteQlException refusal) {
            throw new WrappedRefusal(refusal);
        }
        return columns;
    }

    private static void bind(PreparedStatement statement, List<String> names, Map<String, Object> columns)
            throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            statement.setObject(i + 1, columns.get(names.get(i)));
        }
    }

    /** altname and entitytitle follow the names, as NetSuite derives them on save. */
    private static void refreshNames(Connection connection, RecordLayout layout, long id) throws SQLException {
        String altname = layout.type().equals("customer")
                ? "CASE WHEN isperson = 'T' THEN TRIM(NVL(firstname, '') || ' ' || NVL(lastname, '')) ELSE companyname END"
                : "TRIM(NVL(firstname, '') || ' ' || NVL(lastname, ''))";
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + layout.table() + " SET altname = "
                + altname + " WHERE id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + layout.table()
                + " SET entitytitle = entityid || ' ' || altname WHERE id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Carries a refusal through the database work, which may only throw SQLException, and rolls it back. */
    private static final class WrappedRefusal extends RuntimeException {
        private final SuiteQlException refusal;

        WrappedRefusal(SuiteQlException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }
}
