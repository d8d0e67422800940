package dev.nsbridge.spi.source;

import dev.nsbridge.spi.stream.StreamDescriptor;
import java.util.List;
import java.util.Optional;

/** A source that also reads a query in its own language as a stream (for NetSuite, a SuiteQL select). */
public interface QuerySource extends Source {

    /**
     * Describes {@code query} as a stream named {@code name}, which {@link #read} then reads.
     *
     * @param uniqueKey      the columns that identify a row; required, a query has no primary key of its own
     * @param incrementalKey the column that says when a row last changed, if the query is read incrementally
     */
    StreamDescriptor describeQuery(String name, String query, List<String> uniqueKey,
                                   Optional<String> incrementalKey);
}
