package dev.nsbridge.netsuite.source;

/**
 * How a read is cut up. Memory holds about {@code workers × (batchRows + 2 pages)} rows whatever the table's size.
 *
 * @param batchRows     rows per batch (a destination transaction)
 * @param pageRows      rows per SuiteQL page, at most NetSuite's 1,000
 * @param rangeRows     rows a key range aims at, so ranges outnumber workers and finish at about the same time
 * @param inListItems   ids per {@code IN} list, at most NetSuite's 1,000
 * @param queuedBatches batches read ahead of the writer, across all workers
 */
public record SourceTuning(int batchRows, int pageRows, int rangeRows, int inListItems, int queuedBatches) {
    public static final SourceTuning DEFAULTS = new SourceTuning(2_000, 1_000, 20_000, 1_000, 4);

    public SourceTuning {
        if (batchRows < 1 || pageRows < 1 || pageRows > 1_000 || rangeRows < 1 || inListItems < 1
                || inListItems > 1_000 || queuedBatches < 1) {
            throw new IllegalArgumentException("invalid tuning " + batchRows + "/" + pageRows + "/" + rangeRows + "/"
                    + inListItems + "/" + queuedBatches);
        }
    }
}
