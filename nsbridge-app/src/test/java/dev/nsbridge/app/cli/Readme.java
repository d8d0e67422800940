package dev.nsbridge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's README, whose generated sections the tests keep equal to the code that makes them. */
final class Readme {
    private static final Path FILE = Path.of("..", "README.md");

    private Readme() {
    }

    static String text() throws IOException {
        return Files.readString(FILE);
    }

    /**
     * Checks that the README holds {@code generated} between the two markers. The fresh text is written to
     * {@code target/<fresh>} first, so an out-of-date README is mended by pasting that file in.
     */
    static void assertSection(String begin, String end, String generated, String fresh) throws IOException {
        String readme = text();
        Path freshFile = Path.of("target", fresh);
        Files.createDirectories(freshFile.getParent());
        Files.writeString(freshFile, generated);

        int from = readme.indexOf(begin);
        int to = readme.indexOf(end);
        assertThat(from).as("README marker " + begin).isNotNegative();
        assertThat(readme.substring(from + begin.length(), to).strip())
                .as("the README after " + begin + " is out of date: replace it with nsbridge-app/" + freshFile)
                .isEqualTo(generated.strip());
    }
}
