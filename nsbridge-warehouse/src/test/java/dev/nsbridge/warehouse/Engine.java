package dev.nsbridge.warehouse;

/** The warehouse engines every shared scenario runs against. */
enum Engine {
    DUCKDB {
        @Override
        String utcText(String column) {
            return "strftime(\"" + column + "\", '%Y-%m-%dT%H:%M:%S.%fZ')";
        }
    },
    POSTGRES {
        @Override
        String utcText(String column) {
            return "to_char(\"" + column + "\" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
        }
    };

    /**
     * SQL rendering a stored timestamp column as UTC ISO 8601 text with microseconds, whatever the session's zone.
     * The column is quoted: a name such as {@code at} is a keyword to DuckDB 2.
     */
    abstract String utcText(String column);
}
