package dev.nsbridge.sandbox.netsuite.data;

import dev.nsbridge.sandbox.netsuite.data.RecordLayout.Field;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts between records-API JSON values and column values. The refusal texts follow NetSuite's REST answers
 * ("Error while accessing a resource. …" with USER_ERROR); the exact wording per case is not documented.
 */
final class RecordValues {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final ZoneId zone;

    RecordValues(ZoneId zone) {
        this.zone = zone;
    }

    /** A column value as the records API shows it; select fields read their display text from {@code refName}. */
    Object toJson(Field field, ResultSet rows, String refName) throws SQLException {
        Object raw = rows.getObject(field.column());
        if (raw == null) {
            return null;
        }
        return switch (field.kind()) {
            case TEXT -> raw.toString().stripTrailing();
            case BOOLEAN -> "T".equals(raw.toString().strip());
            case INTEGER -> rows.getLong(field.column());
            case DECIMAL -> rows.getBigDecimal(field.column()).doubleValue();
            case DATE -> rows.getObject(field.column(), LocalDateTime.class).toLocalDate().toString();
            case DATETIME -> rows.getObject(field.column(), LocalDateTime.class).atZone(zone)
                    .withZoneSameInstant(ZoneOffset.UTC).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
            case SELECT -> select(raw.toString(), refName);
        };
    }

    private static Map<String, Object> select(String id, String refName) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", id);
        if (refName != null) {
            value.put("refName", refName);
        }
        return value;
    }

    /** A JSON value as the column stores it, or NetSuite's refusal. */
    Object toColumn(Connection connection, Field field, Object value) throws SQLException, SuiteQlException {
        if (value == null) {
            return null;
        }
        try {
            return switch (field.kind()) {
                case TEXT -> text(field, value);
                case BOOLEAN -> {
                    if (!(value instanceof Boolean flag)) {
                        throw invalidValue(field, value);
                    }
                    yield flag ? "T" : "F";
                }
                case INTEGER -> new BigDecimal(value.toString()).longValueExact();
                case DECIMAL -> new BigDecimal(value.toString());
                case DATE -> LocalDate.parse(value.toString()).atStartOfDay();
                case DATETIME -> LocalDateTime.ofInstant(Instant.parse(value.toString()), zone);
                case SELECT -> reference(connection, field, value);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw invalidValue(field, value);
        }
    }

    private static String text(Field field, Object value) throws SuiteQlException {
        if (value instanceof Map || value instanceof Iterable) {
            throw invalidValue(field, value);
        }
        String text = value.toString();
        if (field.column().contains("email") && !text.isEmpty() && !EMAIL.matcher(text).matches()) {
            throw new SuiteQlException("USER_ERROR", "Error while accessing a resource. Please enter a valid email "
                    + "address for the field " + field.name() + ".");
        }
        return text;
    }

    private static long reference(Connection connection, Field field, Object value)
            throws SQLException, SuiteQlException {
        Object id = value instanceof Map<?, ?> map ? map.get("id") : null;
        if (id == null) {
            throw invalidValue(field, value);
        }
        long key = Long.parseLong(id.toString().strip());
        boolean exists;
        if (field.reference() != null) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + field.reference()
                    + " WHERE id = ?")) {
                statement.setLong(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    exists = rows.next();
                }
            }
        } else if (field.column().equals("globalsubscriptionstatus")) {
            exists = SubscriptionStatus.byId(key).isPresent();
        } else {
            exists = CustomField.ALL.stream().anyMatch(custom -> custom.scriptId().equals(field.column())
                    && key >= 1 && key <= custom.listValues().size());
        }
        if (!exists) {
            throw new SuiteQlException("INVALID_KEY_OR_REF", "Error while accessing a resource. Invalid "
                    + field.name() + " reference key " + key + ".");
        }
        return key;
    }

    static SuiteQlException invalidValue(Field field, Object value) {
        return new SuiteQlException("USER_ERROR", "Error while accessing a resource. You have entered an Invalid "
                + "Field Value " + value + " for the following field: " + field.name());
    }
}
