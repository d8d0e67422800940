package dev.nsbridge.netsuite.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Separate JVMs of one host, all trying the same wrong login at the same moment through the guard's locked file:
 * together they make no more attempts than one process would.
 */
final class LoginGuardProcessesTest {
    private static final int PROCESSES = 6;

    @TempDir
    Path host;

    private int triedTogether(String kind) throws Exception {
        Path go = host.resolve("go-" + kind);
        List<Process> processes = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            Path readyFile = host.resolve(kind + "-ready-" + i);
            ready.add(readyFile);
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), GuardedLoginProcess.class.getName(),
                    host.resolve("guard").toString(), readyFile.toString(), go.toString(), kind)
                    .inheritIO().start());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready.stream().allMatch(Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Files.createFile(go);
        int tried = 0;
        for (Process process : processes) {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            int code = process.exitValue();
            assertThat(code).isIn(GuardedLoginProcess.TRIED, GuardedLoginProcess.HELD, GuardedLoginProcess.DIED);
            tried += code == GuardedLoginProcess.TRIED ? 1 : 0;
        }
        return tried;
    }

    private LoginGuardState counted() {
        return new LoginGuard(new LoginIdentity(NetSuiteAccountId.parse("1234567_SB1"),
                "00112233445566778899aabbccddeeff"), host.resolve("guard"), Clock.systemUTC()).state();
    }

    @Test
    void shouldLetProcessesStartingTogetherTryOnlyAsOftenAsOneWould() throws Exception {
        assertThat(triedTogether("run")).isEqualTo(LoginGuard.STOP_AFTER);
        assertThat(counted().consecutiveFailures()).isEqualTo(LoginGuard.STOP_AFTER);
    }

    @Test
    void shouldLetChecksInManyTerminalsStopOneShortOfNetSuitesLockout() throws Exception {
        assertThat(triedTogether("check")).isEqualTo(LoginGuard.CHECK_BELOW);
        assertThat(counted().consecutiveFailures()).isEqualTo(LoginGuard.CHECK_BELOW);
    }

    @Test
    void shouldLeaveNoFailureBehindForProcessesKilledWhileTheirLoginWasOut() throws Exception {
        triedTogether("die");

        assertThat(counted().consecutiveFailures()).isZero();
        assertThat(counted().tripped()).as("healthy runs after the kills may log in").isFalse();
    }
}
