package icp.filing.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The shipped logging, set up in code (found by logback through {@code META-INF/services}): reading an XML
 * configuration cost about 0.2 s of every start. Personal data (ID numbers, phones, e-mails) is masked in every
 * message and stack trace, whoever logs it. An operator's own configuration ({@code -Dlogback.configurationFile=…},
 * or a {@code logback.xml} / {@code logback-test.xml} on the class path, as the tests have) takes precedence.
 */
public final class ShippedLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %maskedMsg%n%maskedEx";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, ShippedLogging.class.getClassLoader());
    }

    /** @param loader where a configuration file of the operator's (or the tests') would be found */
    ExecutionStatus configure(LoggerContext context, ClassLoader loader) {
        if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder(context));
        console.start();
        context.getLogger("ch.vorburger").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.INFO);
        // the driver logs every server error at WARN, duplicate-key values included; they reach us as exceptions
        context.getLogger("org.mariadb.jdbc.message.server.ErrorPacket").setLevel(Level.OFF);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The pattern with the masking converters, for any appender. */
    static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("maskedMsg", MaskedMessageConverter::new);
        layout.getInstanceConverterMap().put("maskedEx", MaskedThrowableConverter::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
