package dev.nsbridge.app.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** {@code --log-format json}: one JSON object a line on stderr (logback's own encoder), for log shippers. */
public final class JsonLogs {
    private static final String CONFIGURATION = "/dev/nsbridge/app/server/logback-json.xml";

    private JsonLogs() {
    }

    /** Replaces the logging configuration with the JSON one, for the rest of the process. */
    public static void enable() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another slf4j binding is in charge; it has its own way to log JSON
        }
        URL configuration = JsonLogs.class.getResource(CONFIGURATION);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("the JSON logging configuration does not load", e);
        }
    }
}
