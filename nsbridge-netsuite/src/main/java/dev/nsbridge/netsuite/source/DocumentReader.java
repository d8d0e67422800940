package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlRows;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.spi.data.Batch;
import dev.nsbridge.spi.data.NestedRecords;
import dev.nsbridge.spi.data.RecordSchema;
import dev.nsbridge.spi.source.BatchReader;
import dev.nsbridge.spi.source.Progress;
import dev.nsbridge.spi.stream.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query stream's read with each page's details added ({@link DetailQuery}): the header read pages as it would
 * alone, then every detail query runs once for the page's keys (1,000 a request, SuiteQL's limit on an IN list) and
 * each record gets its own details as nested records. The batch's state is the header read's, so a crash resumes
 * exactly as the header read would.
 */
final class DocumentReader implements BatchReader {
    private static final String VIEW = "detail";

    private final BatchReader headers;
    private final SuiteQl suiteQl;
    private final List<DetailQuery> details;

    DocumentReader(BatchReader headers, SuiteQl suiteQl, List<DetailQuery> details) {
        this.headers = headers;
        this.suiteQl = suiteQl;
        this.details = List.copyOf(details);
    }

    @Override
    public Optional<Batch> next() throws InterruptedException {
        return headers.next().map(this::withDetails);
    }

    /** The batch's records, each widened with its details; a batch without records keeps only its new schema. */
    Batch withDetails(Batch batch) {
        RecordSchema schema = schema(batch.schema().columns(), details);
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Object[] header : batch.rows()) {
            Object[] row = new Object[schema.size()];
            for (int i = 0; i < batch.schema().size(); i++) {
                row[schema.indexOf(batch.schema().column(i).name())] = header[i];
            }
            rows.add(row);
        }
        for (DetailQuery detail : details) {
            int headerKey = batch.schema().indexOf(detail.headerKey());
            Map<String, List<Object[]>> byParent = read(detail, batch.rows().stream()
                    .map(header -> String.valueOf(header[headerKey])).toList());
            RecordSchema nested = detail.schema();
            int target = schema.indexOf(detail.column());
            for (int r = 0; r < rows.size(); r++) {
                rows.get(r)[target] = new NestedRecords(nested, byParent.getOrDefault(
                        String.valueOf(batch.rows().get(r)[headerKey]), List.of()));
            }
        }
        return new Batch(schema, rows, batch.deletedKeys(), batch.replaces(), batch.stateAfter(),
                batch.endsSnapshot());
    }

    private Map<String, List<Object[]>> read(DetailQuery detail, List<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        Map<String, List<Object[]>> byParent = new HashMap<>();
        RecordSchema nested = detail.schema();
        List<String> order = new ArrayList<>(List.of(detail.parentKey()));
        order.addAll(detail.orderBy());
        for (int from = 0; from < distinct.size(); from += SuiteQl.MAX_LIMIT) {
            List<List<String>> slice = distinct.subList(from, Math.min(distinct.size(), from + SuiteQl.MAX_LIMIT))
                    .stream().map(List::of).toList();
            SuiteQlSelect select = SuiteQlSelect.fromQuery(SuiteQlQuery.of(detail.query()), VIEW, detail.projected())
                    .whereKeysIn(List.of(detail.parentKey()), slice).orderedBy(order);
            try (SuiteQlRows rows = suiteQl.readByOffset(select.toQuery(), SuiteQl.MAX_LIMIT)) {
                while (rows.hasNext()) {
                    SuiteQlRow row = rows.next();
                    byParent.computeIfAbsent(row.string(detail.parentKey()), key -> new ArrayList<>())
                            .add(row.toArray(nested));
                }
            }
        }
        return byParent;
    }

    /** The document's columns: the header's, then one nested column per detail query. */
    static List<Column> columns(List<Column> header, List<DetailQuery> details) {
        List<Column> columns = new ArrayList<>(header);
        details.forEach(detail -> columns.add(detail.streamColumn()));
        return columns;
    }

    private static RecordSchema schema(List<Column> header, List<DetailQuery> details) {
        return new RecordSchema(columns(header, details));
    }

    @Override
    public Progress progress() {
        return headers.progress();
    }

    @Override
    public void close() {
        headers.close();
    }
}
