package icp.filing.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The logging shipped in code masks personal data in messages and stack traces, and yields to a configuration file. */
class ShippedLoggingTest {
    @Test
    void messagesAndStackTracesAreMasked() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(ShippedLogging.encoder(context));
        appender.setOutputStream(out);
        appender.start();
        Logger logger = context.getLogger("icp.test");
        logger.addAppender(appender);
        logger.info("SMS to 13800138000 for 11010519491231002X");
        logger.warn("failed", new IllegalStateException("Duplicate entry 'PERSON:11010519491231002X'"));

        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("INFO  icp.test - SMS to 138****8000 for 110105********002X"), written);
        assertTrue(written.contains("IllegalStateException: Duplicate entry 'PERSON:110105********002X'"), written);
        assertFalse(written.contains("13800138000") || written.contains("19491231"), written);
    }

    /** Without a configuration file: the console with the masking pattern, and the levels the project needs. */
    @Test
    void withoutAFileItConfiguresTheConsoleAndTheLevels() {
        LoggerContext context = new LoggerContext();
        ClassLoader nothingOnIt = new java.net.URLClassLoader(new java.net.URL[0], null);
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY,
                new ShippedLogging().configure(context, nothingOnIt));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(ch.qos.logback.classic.Level.INFO, root.getLevel());
        var console = (ch.qos.logback.core.ConsoleAppender<ILoggingEvent>) root.getAppender("STDOUT");
        assertTrue(console.isStarted());
        var layout = (ch.qos.logback.classic.PatternLayout)
                ((ch.qos.logback.core.encoder.LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
        assertEquals(ShippedLogging.PATTERN, layout.getPattern());
        assertEquals(ch.qos.logback.classic.Level.OFF,
                context.getLogger("org.mariadb.jdbc.message.server.ErrorPacket").getLevel());
        assertEquals(ch.qos.logback.classic.Level.WARN, context.getLogger("ch.vorburger").getLevel());
    }

    @Test
    void aConfigurationFileOnTheClassPathTakesPrecedence() {
        // the tests have logback-test.xml
        assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, new ShippedLogging().configure(new LoggerContext()));
    }
}
