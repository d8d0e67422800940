package dev.nsbridge.netsuite.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of this module's tests: keeps every line in memory while a test {@linkplain #capture captures},
 * so a test can read what nsbridge logged (its own loggers at every level, the others from INFO), and otherwise
 * prints warnings and errors to standard error. Registered in {@code META-INF/services}.
 */
public final class MemoryLogging implements SLF4JServiceProvider {
    private static final List<String> CAPTURED = new CopyOnWriteArrayList<>();
    private static volatile boolean capturing;

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Starts keeping log lines; closing stops it. One capture at a time: tests in a module run one by one. */
    public static Capture capture() {
        CAPTURED.clear();
        capturing = true;
        return new Capture();
    }

    /** An open capture; {@link #lines()} answers every line so far, each with its throwable's stack trace. */
    public static final class Capture implements AutoCloseable {
        private Capture() {
        }

        public List<String> lines() {
            return List.copyOf(CAPTURED);
        }

        @Override
        public void close() {
            capturing = false;
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return name -> loggers.computeIfAbsent(name, MemoryLogger::new);
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    private static final class MemoryLogger extends LegacyAbstractLogger {
        private final boolean ours;

        MemoryLogger(String name) {
            this.name = name;
            this.ours = name.startsWith("dev.nsbridge.");
        }

        private boolean enabled(Level level) {
            if (capturing) {
                return ours || level.toInt() >= Level.INFO.toInt();
            }
            return level.toInt() >= Level.WARN.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            StringBuilder line = new StringBuilder(level.name()).append(' ').append(name).append(" - ")
                    .append(MessageFormatter.basicArrayFormat(pattern, arguments));
            if (throwable != null) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            if (capturing) {
                CAPTURED.add(line.toString());
            } else {
                System.err.println(line);
            }
        }
    }
}
