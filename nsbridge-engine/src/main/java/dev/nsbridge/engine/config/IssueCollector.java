package dev.nsbridge.engine.config;

import dev.nsbridge.engine.config.ConfigIssue.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers every issue of one load, so a person sees them all at once, in file order. */
final class IssueCollector {
    private final String file;
    private final List<ConfigIssue> issues = new ArrayList<>();

    IssueCollector(String file) {
        this.file = file;
    }

    void error(int line, String path, String message, String fix) {
        issues.add(new ConfigIssue(file, line, path, message, fix, Severity.ERROR));
    }

    void warning(int line, String path, String message, String fix) {
        issues.add(new ConfigIssue(file, line, path, message, fix, Severity.WARNING));
    }

    boolean hasErrors() {
        return issues.stream().anyMatch(issue -> issue.severity() == Severity.ERROR);
    }

    int errorCount() {
        return (int) issues.stream().filter(issue -> issue.severity() == Severity.ERROR).count();
    }

    List<ConfigIssue> all(Severity severity) {
        return issues.stream().filter(issue -> issue.severity() == severity)
                .sorted(Comparator.comparingInt(ConfigIssue::line)).toList();
    }
}
