package org.w3id.vlmsurvey.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * What the program logs under a logger (and the loggers below it) while this is open, for a test to read: each
 * event as {@code LEVEL message}. Added to the running Log4j configuration, so the console still gets every line.
 */
final class Logged implements AutoCloseable {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final org.apache.logging.log4j.core.Logger logger;
    private final AbstractAppender appender;

    Logged(String loggerName) {
        logger = (org.apache.logging.log4j.core.Logger) LogManager.getLogger(loggerName);
        appender =
                new AbstractAppender("test-" + System.identityHashCode(this), null, null, true, Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent e) {
                        events.add(e.getLevel() + " " + e.getMessage().getFormattedMessage());
                    }
                };
        appender.start();
        logger.addAppender(appender);
    }

    /** The events logged at {@code level} so far, in order. */
    List<String> at(Level level) {
        String prefix = level + " ";
        return events.stream()
                .filter(e -> e.startsWith(prefix))
                .map(e -> e.substring(prefix.length()))
                .toList();
    }

    @Override
    public void close() {
        logger.removeAppender(appender);
        appender.stop();
    }
}
