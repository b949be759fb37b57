package dev.meshdeck.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Logback's configuration in code, found through its service loader before any XML: parsing a logback.xml loads
 * an XML parser and about a thousand classes, a quarter of a second of every start.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** Quieter than their defaults, each for a reason of its own (see the map's entries). */
    private static final Map<String, Level> LEVELS = Map.of(
            "io.fabric8.mockwebserver", Level.WARN,
            "io.fabric8.kubernetes.client.dsl.internal", Level.ERROR,
            // fabric8 decodes large lists on Vert.x event loop threads; the checker would warn on every big cluster
            "io.vertx.core.impl.BlockedThreadChecker", Level.ERROR,
            // a stopped informer is shown to the user as a STALE source; fabric8 would also dump a stack trace,
            // and does so for every informer when the window closes while they are still starting
            "io.fabric8.kubernetes.client.informers.impl.cache.Reflector", Level.OFF);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // keeps java.util.logging levels in step, so filtered JUL records cost nothing
        LevelChangePropagator propagator = new LevelChangePropagator();
        propagator.setContext(context);
        propagator.start();
        context.addListener(propagator);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        // diagnostics go to stderr so that `-o json` on stdout stays machine-readable
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("dev.meshdeck").setLevel(Level.toLevel(setting("MESHDECK_LOG_LEVEL"), Level.WARN));
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** As logback.xml's ${NAME}: a system property, else the environment. */
    private static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }
}
