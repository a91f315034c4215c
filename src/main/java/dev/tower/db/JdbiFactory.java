package dev.tower.db;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One place that decides how Jdbi is set up, so every DAO sees the same mappers and plugins. */
public final class JdbiFactory {
    private static final List<Consumer<Jdbi>> CUSTOMIZERS = new CopyOnWriteArrayList<>();

    private JdbiFactory() {}

    public static Jdbi create(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        CUSTOMIZERS.forEach(c -> c.accept(jdbi));
        return jdbi;
    }

    /**
     * Applies {@code customizer} to every Jdbi created from now on. Tests use it to install a
     * {@code SqlLogger} that fails any statement run on the FX thread; the app installs nothing.
     */
    public static void addCustomizer(Consumer<Jdbi> customizer) {
        if (!CUSTOMIZERS.contains(customizer)) {
            CUSTOMIZERS.add(customizer);
        }
    }
}
