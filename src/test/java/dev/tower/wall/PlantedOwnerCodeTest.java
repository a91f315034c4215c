package dev.tower.wall;

import dev.tower.db.EmbeddedDatabase;
import dev.tower.db.Migrator;
import dev.tower.db.RoleBootstrap;
import dev.tower.db.SetupLogin;
import dev.tower.demo.DemoDataGenerator;
import dev.tower.demo.DemoLogins;
import dev.tower.demo.DemoScale;
import dev.tower.setup.ExternalSetup;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 item 1. An admin assumes tower_owner and plants code on everything that role owns: a trigger
 * on every table, function overloads in public shadowing built-ins privileged code might call, and a
 * view. Each planted body records who it ran as. Then every start-up, setup, demo and staff-management
 * path runs; none of the planted code may ever run as anyone but tower_owner.
 */
class PlantedOwnerCodeTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void plantedCodeNeverRunsWithMoreRightsThanTheOwner() throws Exception {
        PlantedCode planted;
        try (Connection admin = db.connectAsDemo("demo_admin")) {
            planted = PlantedCode.plant(admin);
        }
        try {
            // every start-up and setup path the superuser runs
            RoleBootstrap.ensureRoles(db.superuser());
            try (SetupLogin setup = SetupLogin.open(db.superuser())) {
                new Migrator(setup.settings()).migrate();
            }
            RoleBootstrap.ensureStaffFunctions(db.superuser());
            DemoLogins.createMissing(db.superuser());
            new DemoDataGenerator(db.superuser()).generate(DemoScale.SMALL);
            // `tower db setup` (the external-database path) as the superuser, with the first admin
            ExternalSetup.run(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, db.superuserPassword().toCharArray(),
                    "planted_first_admin", "a long first admin password".toCharArray());

            // every staff-management path
            try (Connection admin = db.connectAsDemo("demo_admin")) {
                call(admin, "SELECT ops.create_staff_login(?, ?, ?, ?)", "planted_victim", "Victim", "tower_ops",
                        StaffAndSettingsFunctionsTest.verifier("first-pass-1"));
                call(admin, "SELECT ops.set_staff_disabled(?, true)", "planted_victim");
                call(admin, "SELECT ops.set_staff_disabled(?, false)", "planted_victim");
                call(admin, "SELECT ops.change_staff_role(?, ?)", "planted_victim", "tower_analyst");
                call(admin, "SELECT ops.reset_staff_password(?, ?)", "planted_victim",
                        StaffAndSettingsFunctionsTest.verifier("second-pass-2"));
                call(admin, "SELECT ops.set_system_setting(?, ?)", "dispute.sla_hours", "49");
                call(admin, "SELECT ops.set_system_setting(?, ?)", "dispute.sla_hours", "48");
                SqlProbe.value(admin, "SELECT problem FROM ops.verify_audit_chain()");
            }
            try (Connection victim = db.connect("planted_victim", "second-pass-2")) {
                call(victim, "SELECT ops.change_own_password(?)", StaffAndSettingsFunctionsTest.verifier("third-pass-3"));
            }
            try (Connection first = db.connect("planted_first_admin", "a long first admin password")) {
                assertThat(SqlProbe.value(first, "SELECT pg_has_role(session_user, 'tower_admin', 'MEMBER')")).isEqualTo("t");
            }
            try (Connection su = db.superuser().getConnection()) {
                PlantedCode.assertRanOnlyAsTheOwner(su);
            }
        } finally {
            try (Connection su = db.superuser().getConnection()) {
                planted.remove(su);
            }
        }
    }

    static void call(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            p.execute();
        }
    }
}
