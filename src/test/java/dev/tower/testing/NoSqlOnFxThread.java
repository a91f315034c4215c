package dev.tower.testing;

import dev.tower.db.JdbiFactory;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.util.function.Consumer;

/**
 * A Jdbi {@link SqlLogger} installed in every test's Jdbi (through {@link JdbiFactory#addCustomizer}) that
 * refuses any statement run on the JavaFX application thread: a blocking query there freezes the window.
 */
public final class NoSqlOnFxThread implements SqlLogger {
    private static final Consumer<Jdbi> INSTALL = jdbi -> jdbi.setSqlLogger(new NoSqlOnFxThread());

    private NoSqlOnFxThread() {}

    /** Idempotent; TestDatabase calls it when it starts. */
    public static void install() {
        JdbiFactory.addCustomizer(INSTALL);
    }

    /** By name: asking Platform would start the toolkit in tests that have none. */
    static boolean onFxThread() {
        return "JavaFX Application Thread".equals(Thread.currentThread().getName());
    }

    @Override
    public void logBeforeExecution(StatementContext context) {
        if (onFxThread()) {
            throw new IllegalStateException("SQL on the FX thread (use the TaskExecutor): " + context.getRawSql());
        }
    }
}
