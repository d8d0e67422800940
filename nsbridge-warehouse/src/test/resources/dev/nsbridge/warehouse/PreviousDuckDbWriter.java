import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run by DuckDbUpgradeTest as a single-file program on the previous DuckDB's jar: writes a customers table the way
 * nsbridge laid it out (its columns, its two meta columns, its state table with a watermark), in that DuckDB's storage format.
 */
public final class PreviousDuckDbWriter {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customer (id BIGINT, name VARCHAR, balance DECIMAL(38, 10),"
                    + " _nsbridge_extracted_at TIMESTAMP, _nsbridge_deleted BOOLEAN)");
            statement.execute("INSERT INTO customer VALUES (1, 'José Müller', 10.5, TIMESTAMP '2025-01-01 00:00:00',"
                    + " false), (2, '山田 太郎', 20.25, TIMESTAMP '2025-01-01 00:00:00', false)");
            statement.execute("CREATE TABLE _nsbridge_state (pipeline VARCHAR NOT NULL, name VARCHAR NOT NULL,"
                    + " kind VARCHAR NOT NULL, value VARCHAR NOT NULL, committed_at TIMESTAMP NOT NULL)");
            statement.execute("INSERT INTO _nsbridge_state VALUES ('customer-pipeline', 'watermark', 'long', '1',"
                    + " TIMESTAMP '2025-01-01 00:00:00')");
            System.out.println(connection.getMetaData().getDatabaseProductVersion());
        }
    }
}
