package dev.tower.audit;

import dev.tower.error.ValidationException;
import dev.tower.security.Session;
import dev.tower.signin.SignInRequest;
import dev.tower.signin.SignInService;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Export a checkpoint, verify against it and forward from it, and catch a rewrite made after it. */
class AuditCheckpointTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void exportedCheckpointVerifiesAndCatchesARewrite(@TempDir Path dir) throws Exception {
        try (Session admin = new SignInService().signIn(new SignInRequest(db.jdbcUrl(), "demo_admin", "demo".toCharArray(), true))) {
            AuditService audit = new AuditService(admin);
            audit();
            Path file = dir.resolve("checkpoint.txt");
            AuditCheckpoint exported = audit.exportCheckpoint(file);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            AuditCheckpoint read = AuditCheckpoint.parse(Files.readString(file));
            assertThat(read.seq()).isEqualTo(exported.seq());
            assertThat(read.headHash()).isEqualTo(exported.headHash());

            audit();
            assertThat(audit.verifyAgainst(read).intact()).isTrue();
            ChainCheck forward = audit.verifyFrom(read);
            assertThat(forward.intact()).isTrue();
            assertThat(forward.rowsChecked()).isEqualTo(2);

            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                s.execute("BEGIN");
                s.execute("UPDATE tower_audit.log SET row_hash = repeat('0', 64) WHERE seq = " + read.seq());
                // seen by the same transaction only; the admin's check runs on its own connection, so
                // show it here as the superuser would see it
                try (var rs = s.executeQuery("SELECT problem FROM tower_audit.verify(" + read.seq() + ", '" + read.headHash() + "')")) {
                    rs.next();
                    assertThat(rs.getString(1)).contains("no longer matches the checkpoint");
                }
                s.execute("ROLLBACK");
            }
        }
        assertThatThrownBy(() -> AuditCheckpoint.parse("seq=1\nhead_hash=x")).isInstanceOf(ValidationException.class);
    }

    private void audit() throws Exception {
        try (Connection admin = db.connectAsDemo("demo_admin"); Statement s = admin.createStatement()) {
            s.execute("SELECT ops.set_system_setting('platform.fee_percent', '13')");
            s.execute("SELECT ops.set_system_setting('platform.fee_percent', '12.5')");
        }
    }
}
