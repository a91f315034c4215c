package dev.tower.schema;

import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Invariants the schema promises in DESIGN.md, tried against the database itself. */
class SchemaSanityTest {
    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    @ParameterizedTest(name = "verified={0} with certification_status={1} is refused")
    @CsvSource(nullValues = "NULL", value = {"true, pending", "true, rejected", "false, verified", "NULL, verified"})
    void verifiedMustAgreeWithCertificationOnInsert(Boolean verified, String certification) throws SQLException {
        UUID user = rows.person("Vera Verified", "provider");
        try (Connection c = db.superuser().getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO providers (user_id, type, verified, certification_status)
                VALUES (?, 'courier', ?, ?)""")) {
            ps.setObject(1, user);
            ps.setObject(2, verified, java.sql.Types.BOOLEAN);
            ps.setString(3, certification);
            assertCheckViolation(catchThrowableOfType(PSQLException.class, ps::executeUpdate),
                    "providers_verified_matches_certification");
            assertThat(count(c, "SELECT count(*) FROM providers WHERE user_id = '" + user + "'")).isZero();
        }
    }

    @Test
    void verifiedTrueWithPendingCertificationIsRefusedOnUpdate() throws SQLException {
        UUID provider = rows.provider("Penny Pending", false, "Corktown");
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            PSQLException e = catchThrowableOfType(PSQLException.class,
                    () -> s.executeUpdate("UPDATE providers SET verified = true WHERE id = '" + provider + "'"));
            assertCheckViolation(e, "providers_verified_matches_certification");
            // both together is the legal way
            s.executeUpdate("UPDATE providers SET verified = true, certification_status = 'verified' WHERE id = '" + provider + "'");
        }
    }

    @Test
    void renamingAnAreaRenamesItInsideProvidersAndNearbyProvidersStillFindsThem() throws Exception {
        UUID provider = rows.verifiedProvider("Rene Renamed", "Downtown Detroit", "Corktown");
        rows.update("UPDATE providers SET completed_jobs = 1000000 WHERE id = ?", provider);
        String nearby = SeedQueriesTest.seedQuery(SeedQueriesTest.NEARBY);
        String newName = "Downtown Detroit (CBD)";
        try (Connection c = db.superuser().getConnection()) {
            c.setAutoCommit(false); // rolled back: the other tests keep the seed's 8 area names
            try {
                assertThat(providerIds(c, nearby)).contains(provider);
                try (Statement s = c.createStatement()) {
                    assertThat(s.executeUpdate("UPDATE service_areas SET name = '" + newName + "' WHERE name = 'Downtown Detroit'"))
                            .isEqualTo(1);
                }
                assertThat(serviceAreas(c, provider)).containsExactly(newName, "Corktown");
                assertThat(count(c, "SELECT count(*) FROM providers WHERE 'Downtown Detroit' = ANY (service_areas)"))
                        .as("no provider keeps the old name").isZero();
                // the seed's query with the area's new name finds the same provider
                assertThat(providerIds(c, nearby.replace("'Downtown Detroit'", "'" + newName + "'"))).contains(provider);
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void twoAreasCannotShareAName() throws SQLException {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> s.executeUpdate("UPDATE service_areas SET name = 'Corktown' WHERE name = 'Ferndale'"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("23505");
        }
    }

    private static void assertCheckViolation(PSQLException e, String constraint) {
        assertThat((Throwable) e).as("the database must refuse it").isNotNull();
        assertThat(e.getSQLState()).isEqualTo("23514");
        assertThat(e.getServerErrorMessage()).isNotNull();
        assertThat(e.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
    }

    private static List<UUID> providerIds(Connection c, String sql) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject("id", UUID.class));
            }
        }
        return out;
    }

    private static List<String> serviceAreas(Connection c, UUID provider) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT service_areas FROM providers WHERE id = ?")) {
            ps.setObject(1, provider);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Array a = rs.getArray(1);
                return List.of((String[]) a.getArray());
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
