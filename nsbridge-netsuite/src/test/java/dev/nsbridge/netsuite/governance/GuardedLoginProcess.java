package dev.nsbridge.netsuite.governance;

import dev.nsbridge.netsuite.NetSuiteAccountId;
import dev.nsbridge.spi.errors.AuthenticationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One process of the host making one login that fails, for {@link LoginGuardProcessesTest}: it says it is ready,
 * waits for the signal so that every process tries at the same moment, then exits {@value #TRIED} if its guard
 * let it try or {@value #HELD} if the guard held.
 */
final class GuardedLoginProcess {
    static final int TRIED = 0;
    static final int HELD = 3;
    static final int DIED = 9;

    private GuardedLoginProcess() {
    }

    /** Arguments: the guard directory, a file to create when ready, the file that says go, and run, check or die. */
    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Files.createFile(Path.of(args[1]));
        Path go = Path.of(args[2]);
        while (!Files.exists(go)) {
            Thread.sleep(2);
        }
        LoginGuard guard = new LoginGuard(new LoginIdentity(NetSuiteAccountId.parse("1234567_SB1"),
                "00112233445566778899aabbccddeeff"), directory, Clock.systemUTC());
        try (LoginGuard.Attempt attempt = guard.begin("check".equals(args[3]))) {
            if ("die".equals(args[3])) {
                // Killed while its login is out: no verdict, no clean-up, as a kill -9 would leave it.
                Runtime.getRuntime().halt(DIED);
            }
            // The wrong password as NetSuite would answer it, a little later as over the network.
            Thread.sleep(20);
            attempt.refused();
        } catch (AuthenticationException held) {
            System.exit(HELD);
        }
        System.exit(TRIED);
    }
}
