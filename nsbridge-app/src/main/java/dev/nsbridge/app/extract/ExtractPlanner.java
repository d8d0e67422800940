package dev.nsbridge.app.extract;

import dev.nsbridge.engine.config.ExtractConfig;
import dev.nsbridge.engine.config.NsbridgeConfig;
import dev.nsbridge.engine.run.Pipeline;
import dev.nsbridge.engine.run.Pipelines;
import dev.nsbridge.spi.config.Suggestions;
import dev.nsbridge.spi.destination.Destination;
import dev.nsbridge.spi.destination.LoadMethod;
import dev.nsbridge.spi.destination.WriteRequest;
import dev.nsbridge.spi.errors.ConfigurationException;
import dev.nsbridge.spi.source.ReadMode;
import dev.nsbridge.spi.source.QuerySource;
import dev.nsbridge.spi.source.ReadRequest;
import dev.nsbridge.spi.source.Source;
import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the extracts of {@code nsbridge.yaml} and a person's request into pipelines: which extracts, and with a
 * full refresh or a backfill, how each reads and writes differently from its configuration.
 */
public final class ExtractPlanner {
    private final NsbridgeConfig config;
    private final Function<String, Source> sources;
    private final Function<String, Destination> destinations;

    /**
     * @param sources      a connection's source by connection name; the caller caches and closes them
     * @param destinations a connection's destination by connection name; likewise
     */
    public ExtractPlanner(NsbridgeConfig config, Function<String, Source> sources,
                          Function<String, Destination> destinations) {
        this.config = config;
        this.sources = sources;
        this.destinations = destinations;
    }

    /** The extracts a request names, in file order; every enabled one when it names none. */
    public List<ExtractConfig> select(ExtractRequest request) {
        if (request.names().isEmpty()) {
            if (request.backfill().isPresent()) {
                throw usage("a backfill re-reads one extract", "name it: nsbridge run <extract> --backfill-from ...");
            }
            List<ExtractConfig> enabled = config.extracts().values().stream().filter(ExtractConfig::enabled).toList();
            if (enabled.isEmpty()) {
                throw new ConfigurationException("CONFIG_NO_EXTRACTS", config.file() + " has no enabled extract",
                        "add one under extracts: (nsbridge discover lists the tables), or name a disabled one");
            }
            return enabled;
        }
        if (request.backfill().isPresent() && request.names().size() != 1) {
            throw usage("a backfill re-reads one extract, not " + request.names().size(), "name exactly one");
        }
        List<ExtractConfig> chosen = new ArrayList<>();
        for (String name : request.names()) {
            ExtractConfig extract = config.extracts().get(name);
            if (extract == null) {
                throw new ConfigurationException("CONFIG_UNKNOWN_EXTRACT", "no extract named '" + name + "' in "
                        + config.file(), Suggestions.closest(name, config.extracts().keySet())
                        .map(near -> "did you mean " + near + "?")
                        .orElse("use one of " + String.join(", ", config.extracts().keySet())));
            }
            if (!chosen.contains(extract)) {
                chosen.add(extract);
            }
        }
        return chosen;
    }

    /** The extract as a pipeline, with the request's full refresh or backfill applied. */
    public Pipeline plan(ExtractConfig extract, ExtractRequest request) {
        Source source = sources.apply(extract.connection());
        StreamDescriptor stream = extract.query().isPresent() ? queryStream(extract, source)
                : Pipelines.tableStream(extract, source);
        Pipeline configured = Pipelines.extract(extract, stream, source, destinations.apply(extract.destination()));
        if (request.backfill().isPresent()) {
            return backfill(extract, configured, request.backfill().get());
        }
        return request.fullRefresh() ? fullRefresh(configured) : configured;
    }

    /**
     * The extract's query as a stream named after the extract, as its source describes it (which runs the query
     * once, so a query the source refuses fails here, with the source's own words).
     */
    private static StreamDescriptor queryStream(ExtractConfig extract, Source source) {
        String path = "extracts." + extract.name() + ".query";
        if (!(source instanceof QuerySource queries)) {
            throw new ConfigurationException("CONFIG_QUERY_UNSUPPORTED", path + ": connection "
                    + extract.connection() + " cannot read a query", "read one of its tables with table: instead");
        }
        try {
            return queries.describeQuery(extract.name(), extract.query().get(), extract.uniqueKey(),
                    extract.incrementalKey());
        } catch (ConfigurationException refused) {
            throw new ConfigurationException(refused.code(), path + ": " + refused.getMessage(),
                    refused.fix().orElse("fix the query"), refused);
        }
    }

    /**
     * A full refresh reads everything and rebuilds the table, so rows the source no longer has go too; the
     * watermark restarts from what the full read saw.
     */
    private static Pipeline fullRefresh(Pipeline pipeline) {
        ReadRequest read = pipeline.read();
        WriteRequest write = pipeline.write();
        LoadMethod method = write.loadMethod() == LoadMethod.TRUNCATE_LOAD ? LoadMethod.TRUNCATE_LOAD
                : LoadMethod.DROP_CREATE_LOAD;
        return new Pipeline(pipeline.name(), pipeline.source(), new ReadRequest(read.stream(), read.columns(),
                ReadMode.FULL, read.state(), read.filter(), read.lookback(), read.window()), pipeline.destination(),
                new WriteRequest(write.pipeline(), write.stream(), write.target(), method, write.uniqueKey(),
                        write.options()));
    }

    /**
     * A backfill merges the window's rows on the unique key whatever the load method, since truncating or
     * rebuilding would drop every row outside the window and appending would double the rows inside it.
     */
    private static Pipeline backfill(ExtractConfig extract, Pipeline pipeline, ReadRequest.Window window) {
        ReadRequest read = pipeline.read();
        if (read.stream().cursor().isEmpty()) {
            throw usage("extract " + extract.name() + " reads " + read.stream().name() + ", which has no incremental"
                    + " key to select a window by", "run it in full instead: nsbridge run " + extract.name());
        }
        WriteRequest write = pipeline.write();
        return new Pipeline(pipeline.name(), new WatermarkKeepingSource(pipeline.source()),
                new ReadRequest(read.stream(), read.columns(), ReadMode.INCREMENTAL, read.state(), read.filter(),
                        read.lookback(), Optional.of(window)), pipeline.destination(),
                new WriteRequest(write.pipeline(), write.stream(), write.target(), LoadMethod.MERGE,
                        write.uniqueKey(), write.options()));
    }

    private static ConfigurationException usage(String message, String fix) {
        return new ConfigurationException("USAGE_BACKFILL", message, fix);
    }
}
