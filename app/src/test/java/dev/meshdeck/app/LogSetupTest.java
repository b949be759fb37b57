package dev.meshdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    @AfterEach
    void forgetLevel() {
        System.clearProperty("MESHDECK_LOG_LEVEL");
    }

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        setup.configure(context);
        return context;
    }

    @Test
    void diagnosticsGoToStderrSoThatJsonOnStdoutStaysClean() {
        LoggerContext context = configured();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
    }

    @Test
    void meshDeckLevelComesFromTheSettingAndNoisyLibrariesStayQuiet() {
        System.setProperty("MESHDECK_LOG_LEVEL", "DEBUG");
        LoggerContext context = configured();
        assertThat(context.getLogger("dev.meshdeck.connectors.kube.KubeCatalog").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("io.fabric8.kubernetes.client.informers.impl.cache.Reflector").getEffectiveLevel())
                .isEqualTo(Level.OFF);
        assertThat(context.getLogger("io.vertx.core.impl.BlockedThreadChecker").isWarnEnabled()).isFalse();
    }

    @Test
    void theServiceLoaderFindsItBeforeAnyXml() {
        var rootLogger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(rootLogger.getAppender("STDERR")).isNotNull();
    }
}
