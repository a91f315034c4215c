package dev.tower.bench;

import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * SQL of bench operations lives in {@code .sql} files like every DAO's: {@code <package>/<Class>/<name>.sql}
 * on the classpath (e.g. {@code dev/tower/audit/AuditBench/offsetPage.sql}).
 */
public final class BenchSql {
    private static final ClasspathSqlLocator LOCATOR = ClasspathSqlLocator.create();

    private BenchSql() {}

    public static String of(Class<?> owner, String name) {
        return LOCATOR.locate(owner, name);
    }
}
