package dev.nsbridge.bench;

/**
 * What one run of the NetSuite source connector in a child JVM measured.
 *
 * @param workers  Connect workers in the cluster
 * @param tasks    tasks the connector ran
 * @param rows     distinct keys a read_committed consumer counted: the table's rows
 * @param records  records it read to count them (more than rows if a key came twice)
 * @param seconds  from the connector's creation to the last row's commit being seen
 */
record ConnectOutcome(int workers, int tasks, long rows, long records, double seconds) {
    double rowsPerSecond() {
        return rows / seconds;
    }
}
