package dev.nsbridge.bench;

/**
 * Everything one invocation measured, with where and when.
 *
 * @param source       the Source class the extracts went through
 * @param tableRows    transactionline rows in the generated account
 * @param duckDb       the full extract into DuckDB
 * @param postgres     the full extract into PostgreSQL
 * @param pager        the sequential offset pager over its slice
 * @param heapSmall    the smaller heap run (DuckDB)
 * @param heapLarge    the larger heap run (DuckDB)
 * @param duckDbLoad   DuckDB's bulk path alone
 * @param postgresLoad PostgreSQL's bulk path alone
 */
record Results(Machine machine, String date, String loadBefore, String loadAfter, BenchSettings settings,
               String source, long tableRows, ExtractOutcome duckDb, ExtractOutcome postgres,
               SequentialPager.Outcome pager, ExtractOutcome heapSmall, ExtractOutcome heapLarge,
               DestinationLoad.Outcome duckDbLoad, DestinationLoad.Outcome postgresLoad) {

    double heapGrowth() {
        return (double) heapLarge.peakLiveHeapBytes() / heapSmall.peakLiveHeapBytes() - 1;
    }
}
