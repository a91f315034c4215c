package dev.tower.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import dev.tower.db.PrivateFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Tower's log file, readable by the user alone: logback creates its files with the process umask
 * (usually world-readable), and the log names logins, hosts and errors. Every file this appender opens
 * (the first one and each one after a roll-over) is created 600 in a 700 folder before logback writes.
 */
public final class PrivateLogFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        PrivateFiles.directory(file.getParent());
        PrivateFiles.tighten(file.getParent()); // logs an older Tower wrote with the umask
        PrivateFiles.file(file);
        super.openFile(fileName);
    }
}
