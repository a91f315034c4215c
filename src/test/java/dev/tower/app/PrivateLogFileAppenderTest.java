package dev.tower.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 item 8: Tower's log, configured by the real {@code logback.xml}, is readable by the user alone,
 * before and after a roll-over, even in a log folder an older Tower left open.
 */
class PrivateLogFileAppenderTest {
    @TempDir
    Path tmp;

    @Test
    void theLogFolderIs700AndEveryLogFile600EvenAfterARollOver() throws Exception {
        Path dir = tmp.resolve("logs");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(dir.resolve("tower.2026-11-30.0.log"), "an older Tower's log\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as slf4j's binding would
        context.putProperty("TOWER_LOG_DIR", dir.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(PrivateLogFileAppenderTest.class.getResource("/logback.xml"));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        PrivateLogFileAppender file = (PrivateLogFileAppender) root.getAppender("FILE");
        root.detachAppender("STDERR");
        try {
            context.getLogger("dev.tower.test").info("signed in as demo_admin");
            // what a roll-over does: rename the full file, then open a new one under the same name
            Files.move(dir.resolve("tower.log"), dir.resolve("tower.2026-12-01.0.log"));
            file.openFile(file.getFile());
            context.getLogger("dev.tower.test").info("after the roll-over");
        } finally {
            context.stop();
        }

        assertThat(mode(dir)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.toList()).hasSize(3).allSatisfy(f -> assertThat(mode(f)).isEqualTo("rw-------"));
        }
        assertThat(Files.readString(dir.resolve("tower.log"))).contains("after the roll-over");
    }

    @Test
    void theLogLivesInTowersDataFolderWhereverTowerHomePointsIt() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("TOWER_HOME", tmp.resolve("home").toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(PrivateLogFileAppenderTest.class.getResource("/logback.xml"));
        PrivateLogFileAppender file = (PrivateLogFileAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        try {
            assertThat(Path.of(file.getFile())).isEqualTo(tmp.resolve("home").resolve("logs").resolve("tower.log"));
            assertThat(mode(tmp.resolve("home").resolve("logs"))).isEqualTo("rwx------");
        } finally {
            context.stop();
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
