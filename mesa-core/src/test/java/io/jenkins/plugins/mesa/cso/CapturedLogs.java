package io.jenkins.plugins.mesa.cso;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Everything MESA (not the fake peers) logged while it is open, as text: messages and exception messages. */
final class CapturedLogs implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    String text() {
        return appender.list.stream().filter(e -> e.getLoggerName().startsWith("io.jenkins.plugins.mesa"))
                .map(e -> e.getLoggerName() + " " + e.getFormattedMessage() + throwable(e.getThrowableProxy()))
                .collect(Collectors.joining("\n"));
    }

    private static String throwable(IThrowableProxy t) {
        return t == null ? "" : " " + t.getClassName() + ": " + t.getMessage() + throwable(t.getCause());
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
