package dev.tower.provider;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bank and tax details (V21): encrypted for the payments service, only the masks readable by staff, and
 * the payments service's private key (a test resource, never in Tower) decrypts what Tower stored.
 */
class ProviderPayoutDetailsTest {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderPayoutDetailsTest.class);
    private static final String BANK = "{\"bank\": \"Motor City Credit Union\", \"account_number\": \"000123456789\"}";
    private static final String TAX = "{\"form\": \"W-9\", \"tin\": \"98-7654321\"}";

    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    @ParameterizedTest
    @ValueSource(strings = {"demo_admin", "demo_ops", "demo_analyst"})
    void noStaffRoleCanSelectAnyColumnHoldingBankOrTaxDetails(String login) throws Exception {
        UUID provider = providerWithPayoutDetails();
        try (Connection staff = db.connectAsDemo(login)) {
            // Every column of every table or view in the schemas staff can reach whose name says bank,
            // tax id, account or payout: the only ones this login may select are the masks.
            List<String> readable = SqlProbe.column(staff, """
                    SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name
                    FROM information_schema.columns c
                    WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
                      AND (c.column_name ~* 'bank|tax_id|tax_info|account_number|payout|pgp|(^|_)tin(_|$)'
                           OR c.table_name ~* 'payout')
                      AND has_column_privilege(current_user,
                              format('%I.%I', c.table_schema, c.table_name), c.column_name, 'SELECT')
                    ORDER BY 1""");
            assertThat(readable).allSatisfy(column -> assertThat(column).matches(".*(_mask|provider_id|updated_at)"));

            assertThat(SqlProbe.stateOf(staff, "SELECT bank_account_pgp FROM provider_payout_details")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(staff, "SELECT tax_id_pgp FROM provider_payout_details")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(staff, "SELECT * FROM payout_encryption_key")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(staff, "SELECT tower_internal.seal_for_payments('x')")).isEqualTo("42501");
            // the clear columns are gone from providers, for everyone
            assertThat(SqlProbe.stateOf(staff, "SELECT bank_account_info FROM providers")).isIn("42703", "42501");
            assertThat(SqlProbe.stateOf(staff, "SELECT tax_info FROM providers")).isIn("42703", "42501");

            String masks = "SELECT bank_account_mask || ' / ' || tax_id_mask FROM provider_payout_details WHERE provider_id = '"
                    + provider + "'";
            if (login.equals("demo_analyst")) {
                assertThat(SqlProbe.stateOf(staff, masks)).isEqualTo("42501");
            } else {
                assertThat(SqlProbe.value(staff, masks)).isEqualTo("•••• 6789 / •••• 4321");
            }
        }
    }

    @Test
    void thePaymentsServiceDecryptsWhatTowerStored() throws Exception {
        UUID provider = providerWithPayoutDetails();
        String privateKey = resource("/dev/tower/provider/payments-private-key-TEST-ONLY.asc");
        try (Connection superuser = db.superuser().getConnection();
             PreparedStatement decrypt = superuser.prepareStatement("""
                     SELECT tower_ext.pgp_pub_decrypt(bank_account_pgp, tower_ext.dearmor(?)),
                            tower_ext.pgp_pub_decrypt(tax_id_pgp, tower_ext.dearmor(?)),
                            position(convert_to('000123456789', 'UTF8') IN bank_account_pgp)
                     FROM provider_payout_details WHERE provider_id = ?""")) {
            decrypt.setString(1, privateKey);
            decrypt.setString(2, privateKey);
            decrypt.setObject(3, provider);
            try (ResultSet rs = decrypt.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(BANK);
                assertThat(rs.getString(2)).isEqualTo(TAX);
                assertThat(rs.getInt(3)).as("the account number does not appear in the ciphertext").isZero();
            }
        }
    }

    @Test
    void theDatabaseHoldsThePublicKeyResourceAndNoPrivateKey() throws Exception {
        String publicKey = resource("/dev/tower/provider/payout/payments-public-key.asc");
        try (Connection superuser = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(superuser, "SELECT armored_public_key FROM payout_encryption_key").strip())
                    .isEqualTo(publicKey.strip());
            assertThat(SqlProbe.value(superuser, "SELECT count(*) FROM payout_encryption_key")).isEqualTo("1");
        }
        assertThat(ProviderPayoutDetailsTest.class.getResource("/dev/tower/provider/payout/payments-private-key.asc")).isNull();
    }

    @Test
    void masksKeepTheLastFourLettersOrDigits() throws Exception {
        try (Connection superuser = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(superuser, "SELECT tower_internal.payout_mask('DE89 3704 0044 0532 0130 00')"))
                    .isEqualTo("•••• 3000");
            assertThat(SqlProbe.value(superuser, "SELECT tower_internal.payout_mask('12')")).isEqualTo("•••• 12");
            assertThat(SqlProbe.value(superuser, "SELECT tower_internal.payout_mask(' - ')")).isNull();
            assertThat(SqlProbe.value(superuser, "SELECT tower_internal.payout_mask(NULL)")).isNull();
            // how long one encryption takes, for the demo's choice of a shared pool of ciphertexts
            long start = System.nanoTime();
            SqlProbe.value(superuser, "SELECT count(tower_internal.seal_for_payments('acct ' || n)) FROM generate_series(1, 50) n");
            LOG.info("pgp_pub_encrypt: {} µs a call (50 calls)", (System.nanoTime() - start) / 50_000);
        }
    }

    private UUID providerWithPayoutDetails() throws SQLException {
        UUID provider = rows.verifiedProvider("Payout Owner " + UUID.randomUUID());
        try (Connection superuser = db.superuser().getConnection();
             PreparedStatement insert = superuser.prepareStatement("""
                     INSERT INTO provider_payout_details (provider_id, bank_account_pgp, bank_account_mask, tax_id_pgp, tax_id_mask)
                     VALUES (?, tower_internal.seal_for_payments(?), tower_internal.payout_mask(?::jsonb ->> 'account_number'),
                             tower_internal.seal_for_payments(?), tower_internal.payout_mask(?::jsonb ->> 'tin'))""")) {
            insert.setObject(1, provider);
            insert.setString(2, BANK);
            insert.setString(3, BANK);
            insert.setString(4, TAX);
            insert.setString(5, TAX);
            insert.executeUpdate();
        }
        return provider;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ProviderPayoutDetailsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
