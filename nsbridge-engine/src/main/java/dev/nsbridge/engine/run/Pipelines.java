package dev.nsbridge.engine.run;

import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.state.State;
import dev.nsbridge.spi.stream.Column;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds pipelines from extracts. Checks what only the live source can tell (the table exists, the columns and
 * keys are its columns) and names the key to fix, as the file check names its line.
 */
public final class Pipelines {
    /** The write option carrying {@code deletes: flag | remove} to the destination. */
    public static final String DELETES_OPTION = "deletes";

    private Pipelines() {
    }

    /** The stream an extract's {@code table:} names, from the source's catalog. */
    public static StreamDescriptor tableStream(ExtractConfig extract, Source source) {
        String table = extract.table().orElseThrow(() -> new IllegalArgumentException("extract " + extract.name()
                + " reads a query; describe its stream with the source's query support"));
        List<StreamDescriptor> streams = source.discover();
        return streams.stream().filter(s -> s.name().equalsIgnoreCase(table)).findFirst()
                .orElseThrow(() -> new ConfigurationException("CONFIG_UNKNOWN_TABLE", "extracts." + extract.name()
                        + ".table: '" + table + "' is not a table of connection " + extract.connection(),
                        Suggestions.closest(table, streams.stream().map(StreamDescriptor::name).toList())
                                .map(near -> "did you mean " + near + "?")
                                .orElse("run nsbridge discover --connection " + extract.connection() + " to list them")));
    }

    /** The extract as a pipeline over {@code stream} (a table's, or a query's as the source described it). */
    public static Pipeline extract(ExtractConfig extract, StreamDescriptor stream, Source source,
                                   Destination destination) {
        String path = "extracts." + extract.name() + ".";
        extract.columns().forEach(column -> column(path + "columns", column, stream));
        extract.uniqueKey().forEach(column -> column(path + "unique_key", column, stream));
        Optional<String> cursor = extract.incrementalKey().map(key -> column(path + "incremental_key", key, stream));
        StreamDescriptor read = cursor.isEmpty() ? stream
                : new StreamDescriptor(stream.name(), stream.columns(), stream.primaryKey(), cursor);
        List<String> uniqueKey = extract.uniqueKey().isEmpty() ? read.primaryKey() : extract.uniqueKey();
        ReadRequest readRequest = new ReadRequest(read, extract.columns(), extract.mode(), State.EMPTY,
                extract.filter(), extract.lookback(), Optional.empty(),
                extract.loadMethod() == LoadMethod.APPEND);
        WriteRequest writeRequest = new WriteRequest(extract.name(), read, extract.destinationTable(),
                extract.loadMethod(), uniqueKey, Map.of(DELETES_OPTION, extract.deletes().wireName()));
        return new Pipeline(extract.name(), source, readRequest, destination, writeRequest);
    }

    private static String column(String path, String name, StreamDescriptor stream) {
        return stream.column(name).map(Column::name).orElseThrow(() -> new ConfigurationException(
                "CONFIG_UNKNOWN_COLUMN", path + ": '" + name + "' is not a column of " + stream.name(),
                Suggestions.closest(name, stream.columns().stream().map(Column::name).toList())
                        .map(near -> "did you mean " + near + "?").orElse("check the column's name at the source")));
    }
}
