package dev.tower.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Removes the service areas a test class created, so later classes see the seed's eight again. */
public final class TestAreas {
    private TestAreas() {}

    /** Deletes areas whose name starts with {@code prefix} and takes those names off every provider. */
    public static void removeStartingWith(String prefix) {
        try (Connection c = TestDatabase.get().superuser().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement providers = c.prepareStatement("""
                         UPDATE providers p SET service_areas = ARRAY(SELECT n FROM unnest(p.service_areas) n WHERE n NOT LIKE ?)
                         WHERE EXISTS (SELECT 1 FROM unnest(p.service_areas) n WHERE n LIKE ?)""");
                 PreparedStatement areas = c.prepareStatement("""
                         DELETE FROM service_areas a WHERE a.name LIKE ?
                           AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.service_area_id = a.id)""")) {
                String like = prefix.replace("%", "\\%").replace("_", "\\_") + "%";
                providers.setString(1, like);
                providers.setString(2, like);
                providers.executeUpdate();
                areas.setString(1, like);
                areas.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove test areas: " + e.getMessage(), e);
        }
    }
}
