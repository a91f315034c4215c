package dev.tower.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a whole classpath SQL file as one simple-protocol batch (dollar-quoted bodies included). */
public final class SqlScript {
    private SqlScript() {}

    public static String load(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing SQL resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void run(Connection connection, String resource) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(load(resource));
        }
    }
}
