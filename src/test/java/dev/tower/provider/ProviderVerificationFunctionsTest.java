package dev.tower.provider;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision functions through plain JDBC, as a staff member with psql would call them: the admin
 * succeeds, ops and analysts are refused, bad input changes nothing, and two admins never decide twice.
 */
class ProviderVerificationFunctionsTest {
    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);
    private final ProviderFixtures fixtures = new ProviderFixtures(rows);

    @Test
    void adminAcceptsEveryRequiredDocumentThenVerifies() throws Exception {
        UUID provider = droneProvider("Verify Me Drones");
        UUID licence = document(provider, "faa_part_107", LocalDate.now().plusYears(1));
        UUID insurance = document(provider, "insurance", LocalDate.now().plusYears(1));
        UUID background = document(provider, "background_check", null);
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.verify_provider('" + provider + "', 0)"))
                    .contains("provider.documents_missing").contains("FAA Part 107 (not reviewed yet)")
                    .contains("Insurance (not reviewed yet)").contains("Background check (not reviewed yet)");
            for (UUID doc : new UUID[] {licence, insurance, background}) {
                assertThat(SqlProbe.messageOf(admin, "SELECT ops.decide_provider_document('" + doc + "', 'approved')")).isNull();
            }
            long before = auditCount(admin);
            assertThat(SqlProbe.value(admin, "SELECT ops.verify_provider('" + provider + "', 0)")).isEqualTo("1");
            assertThat(auditCount(admin)).isEqualTo(before + 1);
            assertThat(SqlProbe.value(admin, "SELECT verified::text || '/' || certification_status FROM providers WHERE id = '"
                    + provider + "'")).isEqualTo("true/verified");
            assertThat(SqlProbe.value(admin, "SELECT action_name || ' by ' || actor_login FROM audit_logs ORDER BY seq DESC LIMIT 1"))
                    .isEqualTo("verify_provider by demo_admin");
            assertThat(SqlProbe.value(admin, "SELECT count(*) FROM notifications n JOIN providers p ON p.user_id = n.user_id"
                    + " WHERE p.id = '" + provider + "' AND n.type = 'provider_verified'")).isEqualTo("1");

            // Suspend and reinstate need a reason and keep verified consistent with the status.
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.suspend_provider('" + provider + "', 1, '  ')"))
                    .contains("provider.reason_required");
            assertThat(SqlProbe.value(admin, "SELECT ops.suspend_provider('" + provider + "', 1, 'Customer complaints')")).isEqualTo("2");
            assertThat(SqlProbe.value(admin, "SELECT verified::text || '/' || certification_status FROM providers WHERE id = '"
                    + provider + "'")).isEqualTo("false/suspended");
            assertThat(SqlProbe.value(admin, "SELECT ops.reinstate_provider('" + provider + "', 2, 'Resolved')")).isEqualTo("3");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.reinstate_provider('" + provider + "', 3, 'Again')"))
                    .contains("provider.not_suspended");
        }
    }

    @Test
    void refusesVerificationWhileARequiredDocumentIsRejectedOrExpired() throws Exception {
        UUID provider = droneProvider("Expired Docs Drones");
        UUID licence = document(provider, "faa_part_107", LocalDate.now().plusYears(1));
        UUID insurance = document(provider, "insurance", LocalDate.now().minusDays(1));
        document(provider, "background_check", null);
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.decide_provider_document('" + licence + "', 'rejected', '')"))
                    .contains("provider.reason_required");
            assertThat(SqlProbe.value(admin, "SELECT decision FROM provider_documents WHERE id = '" + licence + "'"))
                    .isEqualTo("pending");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.decide_provider_document('" + licence + "', 'maybe')"))
                    .contains("document.bad_decision");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.decide_provider_document('" + insurance + "', 'approved')"))
                    .contains("document.expired");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.decide_provider_document('" + licence + "', 'rejected', 'Blurry photo')"))
                    .isNull();
            // Bypass the function to plant an accepted but expired document, as time passing would.
            rows.update("UPDATE provider_documents SET decision = 'approved', reviewed_by = 'x', reviewed_at = now() WHERE id = ?",
                    insurance);
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.verify_provider('" + provider + "', 0)"))
                    .contains("FAA Part 107 (rejected)").contains("expired on " + LocalDate.now().minusDays(1));
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.reject_provider('" + provider + "', 0, null)"))
                    .contains("provider.reason_required");
            assertThat(SqlProbe.value(admin, "SELECT certification_status FROM providers WHERE id = '" + provider + "'"))
                    .isEqualTo("pending");
            assertThat(SqlProbe.value(admin, "SELECT ops.reject_provider('" + provider + "', 0, 'Documents out of date')"))
                    .isEqualTo("1");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.reject_provider('" + provider + "', 1, 'Twice')"))
                    .contains("provider.already_decided");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo_ops", "demo_analyst"})
    void onlyAdminsMayDecide(String login) throws Exception {
        UUID provider = droneProvider("Refused Caller Drones " + login);
        UUID doc = document(provider, "insurance", null);
        try (Connection staff = db.connectAsDemo(login)) {
            for (String sql : new String[] {
                    "SELECT ops.decide_provider_document('" + doc + "', 'approved')",
                    "SELECT ops.verify_provider('" + provider + "', 0)",
                    "SELECT ops.reject_provider('" + provider + "', 0, 'No')",
                    "SELECT ops.suspend_provider('" + provider + "', 0, 'No')",
                    "SELECT ops.reinstate_provider('" + provider + "', 0, 'No')",
                    "SELECT ops.bulk_verify_providers(ARRAY['" + provider + "']::uuid[])",
                    "SELECT tower_internal.apply_provider_decision(p, 'x', 'verified', null, 't', 'b') FROM providers p LIMIT 1",
                    "UPDATE providers SET verified = true, certification_status = 'verified' WHERE id = '" + provider + "'"}) {
                assertThat(SqlProbe.stateOf(staff, sql)).as(sql).isEqualTo("42501");
            }
        }
        assertThat(rows.queryUuid("SELECT id FROM providers WHERE id = ? AND certification_status = 'pending'", provider))
                .isEqualTo(provider);
    }

    @Test
    void twoAdminsDecidingOneProviderAtOnceExactlyOneWins() throws Exception {
        UUID provider = readyProvider("Race Drones");
        try (Connection first = db.connectAsDemo("demo_admin"); Connection second = db.connectAsDemo("demo_admin")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(SqlProbe.value(first, "SELECT ops.verify_provider('" + provider + "', 0)")).isEqualTo("1");
            // The second admin's call waits on the first one's row lock, then sees its decision.
            CompletableFuture<String> loser = CompletableFuture.supplyAsync(
                    () -> SqlProbe.messageOf(second, "SELECT ops.reject_provider('" + provider + "', 0, 'Too late')"));
            waitUntilBlocked();
            first.commit();
            assertThat(loser.get(30, TimeUnit.SECONDS))
                    .contains("provider.already_decided").contains("already decided by demo_admin at");
            second.rollback();
        }
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.value(admin, "SELECT certification_status || '/' || verification_version FROM providers WHERE id = '"
                    + provider + "'")).isEqualTo("verified/1");
            assertThat(SqlProbe.value(admin, "SELECT count(*) FROM audit_logs WHERE table_name = 'providers' AND record_id = '"
                    + provider + "'")).isEqualTo("1");
        }
    }

    @Test
    void twoAdminsDecidingOneDocumentAtOnceExactlyOneWins() throws Exception {
        UUID provider = droneProvider("Doc Race Drones");
        UUID doc = document(provider, "insurance", null);
        try (Connection first = db.connectAsDemo("demo_admin"); Connection second = db.connectAsDemo("demo_admin")) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertThat(SqlProbe.messageOf(first, "SELECT ops.decide_provider_document('" + doc + "', 'approved')")).isNull();
            CompletableFuture<String> loser = CompletableFuture.supplyAsync(
                    () -> SqlProbe.messageOf(second, "SELECT ops.decide_provider_document('" + doc + "', 'rejected', 'Fake')"));
            waitUntilBlocked();
            first.commit();
            assertThat(loser.get(30, TimeUnit.SECONDS))
                    .contains("document.already_decided").contains("already accepted by demo_admin at");
            second.rollback();
        }
    }

    @Test
    void bulkVerifyIsAllOrNothingWithAReasonPerProvider() throws Exception {
        UUID ready = readyProvider("Bulk Ready Drones");
        UUID alsoReady = readyProvider("Bulk Also Ready Drones");
        UUID notReady = droneProvider("Bulk Not Ready Drones");
        document(notReady, "insurance", null);
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            long before = auditCount(admin);
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.bulk_verify_providers(ARRAY['" + ready + "','" + notReady + "']::uuid[])"))
                    .contains("provider.bulk_refused").contains("Nothing was verified")
                    .contains("Bulk Not Ready Drones: missing FAA Part 107 (not uploaded)")
                    .doesNotContain("Bulk Ready Drones:");
            assertThat(auditCount(admin)).isEqualTo(before);
            assertThat(SqlProbe.value(admin, "SELECT certification_status FROM providers WHERE id = '" + ready + "'"))
                    .isEqualTo("pending");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.bulk_verify_providers('{}'::uuid[])"))
                    .contains("provider.none_selected");
            assertThat(SqlProbe.value(admin, "SELECT ops.bulk_verify_providers(ARRAY['" + ready + "','" + alsoReady + "']::uuid[])"))
                    .isEqualTo("2");
            assertThat(auditCount(admin)).isEqualTo(before + 2);
        }
    }

    @Test
    void requiredDocumentsAreDataStaffCanRead() throws Exception {
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.column(ops, "SELECT kind FROM provider_required_documents WHERE provider_type = 'courier' ORDER BY sort_order"))
                    .containsExactly("drivers_licence", "insurance", "background_check");
        }
    }

    @Test
    void anUploadAfterARejectionIsANewSubmission() throws Exception {
        UUID provider = droneProvider("Resubmitting Drones");
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.value(admin, "SELECT ops.reject_provider('" + provider + "', 0, 'No documents')")).isEqualTo("1");
            UUID doc = document(provider, "insurance", null);
            assertThat(SqlProbe.value(admin, "SELECT p.certification_status || '/' || (p.submitted_for_verification_at = d.uploaded_at)"
                    + " FROM providers p JOIN provider_documents d ON d.provider_id = p.id WHERE d.id = '" + doc + "'"))
                    .isEqualTo("pending/true");
        }
    }

    // ---- fixtures

    private UUID droneProvider(String businessName) {
        return fixtures.droneProvider(businessName);
    }

    private UUID readyProvider(String businessName) throws Exception {
        return fixtures.readyProvider(businessName);
    }

    private UUID document(UUID provider, String kind, LocalDate expiresOn) throws Exception {
        return fixtures.document(provider, kind, expiresOn);
    }

    private static long auditCount(Connection c) throws SQLException {
        return Long.parseLong(SqlProbe.value(c, "SELECT count(*) FROM audit_logs"));
    }

    /** Waits (bounded) until the connection's backend is waiting on a lock. */
    private void waitUntilBlocked() throws Exception {
        try (Connection root = db.superuser().getConnection()) {
            for (int i = 0; i < 600; i++) {
                try (PreparedStatement ps = root.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_admin' AND wait_event_type = 'Lock'");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The second connection never waited on the first one's lock");
    }
}
