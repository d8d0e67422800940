package dev.nsbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

final class SandboxCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--fault-5xx=1.5|--fault-5xx is a share of requests and must lie in 0..1, was 1.5",
            "--fault-drop=-0.1|--fault-drop is a share of requests and must lie in 0..1, was -0.1",
            "--port=70000|--port must be 0..65535, was 70000",
            "--concurrency-limit=0|--concurrency-limit must be at least 1, was 0",
            "--account=1234567_sb1|--account must be an account id as NetSuite writes it",
            "--timezone=Mars/Olympus|--timezone must be a time zone id"})
    void shouldRefuseAnInvalidOptionWithAClearMessage(String option, String message) {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new SandboxCommand()).setErr(new PrintWriter(errors));

        int exitCode = command.execute(option);

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains(message);
    }
}
