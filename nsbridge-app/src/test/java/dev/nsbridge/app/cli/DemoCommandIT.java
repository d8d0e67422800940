package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DemoCommandIT {
    @TempDir
    Path folder;

    @Test
    @Disabled("needs dev.nsbridge.netsuite.source.NetSuiteSource wired in Workspace.source; enable once it is merged")
    void shouldRunEveryLoadMethodThenAnIncrementalRunAndPrintWhatLanded() {
        Path duckdb = folder.resolve("demo.duckdb");

        Commands.Outcome outcome = Commands.run("demo", "--scale", "0.02", "--duckdb", duckdb.toString());

        assertThat(outcome.code()).as(outcome.all()).isZero();
        assertThat(outcome.out()).contains("First run").contains("Second run").contains("What landed")
                .contains("merge").contains("truncate_load").contains("drop_create_load").contains("append")
                .containsPattern("customer\\s+[0-9,]+").contains("done: the tables are in " + duckdb);
        assertThat(Files.exists(duckdb)).isTrue();
    }
}
