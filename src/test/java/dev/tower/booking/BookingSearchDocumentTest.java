package dev.tower.booking;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V66's search document: every booking has the one its trigger computes, it follows renames without a new
 * booking version, a booking inserted beside a rename gets the new name, and only ops and admins read it.
 */
class BookingSearchDocumentTest {
    private static TestDatabase db;
    private final TestRows rows = TestRows.in(db);

    @BeforeAll
    static void demo() {
        db = TestDatabase.withDemoData();
    }

    @Test
    void everyDemoBookingHasTheDocumentItsTriggerWouldWrite() throws SQLException {
        assertThat(value("""
                SELECT count(*) FROM bookings b
                WHERE b.search_document IS DISTINCT FROM booking_search_document_of(b.order_number, b.consumer_id,
                      b.provider_id, b.pickup_address, b.dropoff_address)""")).isEqualTo("0");
        assertThat(value("SELECT count(*) FROM bookings")).isNotEqualTo("0");
    }

    @Test
    void aNewBookingIsFoundByEveryFieldAndRenamesFollowWithoutANewVersion() throws SQLException {
        TestRows.Chain chain = rows.chain("pending");
        String document = document(chain.booking());
        assertThat(document).contains("casey consumer", "pat provider", "2 michigan ave", "1 woodward ave",
                value("SELECT lower(order_number) FROM bookings WHERE id = '" + chain.booking() + "'"));

        rows.update("UPDATE profiles SET full_name = 'Quinn Quarrington' WHERE id = ?", chain.consumer());
        rows.update("UPDATE providers SET business_name = 'Zephyr Parcels' WHERE id = ?", chain.provider());
        assertThat(document(chain.booking())).contains("quinn quarrington", "zephyr parcels").doesNotContain("casey");
        assertThat(value("SELECT version FROM bookings WHERE id = '" + chain.booking() + "'"))
                .as("a refreshed document is no change anyone made to the booking").isEqualTo("1");

        rows.update("UPDATE bookings SET dropoff_address = '9 Gratiot Ave, Detroit' WHERE id = ?", chain.booking());
        assertThat(document(chain.booking())).contains("9 gratiot ave").doesNotContain("woodward");
        assertThat(value("SELECT version FROM bookings WHERE id = '" + chain.booking() + "'")).isEqualTo("2");
    }

    @Test
    void aBookingInsertedBesideARenameGetsTheNewName() throws Exception {
        TestRows.Chain chain = rows.chain("pending");
        try (Connection rename = db.superuser().getConnection()) {
            rename.setAutoCommit(false);
            try (Statement s = rename.createStatement()) {
                s.executeUpdate("UPDATE profiles SET full_name = 'Renata Renamed' WHERE id = '" + chain.consumer() + "'");
            }
            CompletableFuture<UUID> inserted = CompletableFuture.supplyAsync(
                    () -> rows.booking(chain.consumer(), chain.provider(), chain.listing(), "pending"));
            // the insert waits on the rename's row lock (FOR SHARE in booking_search_document_of)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!value("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    + "AND query LIKE 'INSERT INTO bookings%'").equals("1") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(inserted).isNotDone();
            rename.commit();
            UUID booking = inserted.get(20, TimeUnit.SECONDS);
            assertThat(document(booking)).contains("renata renamed");
            assertThat(document(chain.booking())).contains("renata renamed");
        }
    }

    @Test
    void opsAndAdminsReadTheDocumentAndAnalystsDoNot() throws SQLException {
        for (String login : new String[] {"demo_ops", "demo_admin"}) {
            try (Connection c = db.connectAsDemo(login)) {
                assertThat(SqlProbe.value(c, "SELECT count(*) FROM bookings WHERE search_document LIKE '%detroit%'"))
                        .as(login).isNotEqualTo("0");
            }
        }
        try (Connection c = db.connectAsDemo("demo_analyst")) {
            assertThatThrownBy(() -> SqlProbe.value(c, "SELECT count(*) FROM bookings WHERE search_document LIKE '%a%'"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection c = db.connectAsDemo("demo_ops")) {
            assertThatThrownBy(() -> SqlProbe.value(c, "UPDATE bookings SET search_document = 'x' RETURNING 1"))
                    .as("nobody on staff writes it").hasMessageContaining("permission denied");
            assertThatThrownBy(() -> SqlProbe.value(c,
                    "SELECT booking_search_document_of('x', NULL, NULL, NULL, NULL)"))
                    .as("nor calls the owner's document function").hasMessageContaining("permission denied");
        }
    }

    private static String document(UUID booking) throws SQLException {
        return value("SELECT search_document FROM bookings WHERE id = '" + booking + "'");
    }

    private static String value(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            return SqlProbe.value(c, sql);
        }
    }
}
