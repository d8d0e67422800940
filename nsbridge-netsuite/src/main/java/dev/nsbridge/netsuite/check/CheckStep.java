package dev.nsbridge.netsuite.check;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One prerequisite and how it fared.
 *
 * @param name   what was checked, e.g. {@code credentials accepted}
 * @param status passed, warned, failed, or skipped because an earlier step failed
 * @param detail what nsbridge saw, NetSuite's own text included
 * @param fix    on a warning or failure, what to change, in NetSuite's own terms
 */
public record CheckStep(String name, Status status, String detail, Optional<String> fix) {
    public CheckStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(fix, "fix");
    }

    public enum Status {
        PASSED, WARNED, FAILED, SKIPPED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static CheckStep passed(String name, String detail) {
        return new CheckStep(name, Status.PASSED, detail, Optional.empty());
    }

    static CheckStep warned(String name, String detail, String fix) {
        return new CheckStep(name, Status.WARNED, detail, Optional.of(fix));
    }

    static CheckStep failed(String name, String detail, String fix) {
        return new CheckStep(name, Status.FAILED, detail, Optional.ofNullable(fix));
    }

    static CheckStep skipped(String name, String because) {
        return new CheckStep(name, Status.SKIPPED, because, Optional.empty());
    }
}
