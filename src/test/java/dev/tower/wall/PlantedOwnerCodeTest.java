package dev.tower.wall;

import dev.tower.db.Migrator;
import dev.tower.db.RoleBootstrap;
import dev.tower.db.SetupLogin;
import dev.tower.demo.DemoDataGenerator;
import dev.tower.demo.DemoLogins;
import dev.tower.demo.DemoScale;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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
        List<String> tables;
        try (Connection admin = db.connectAsDemo("demo_admin"); Statement s = admin.createStatement()) {
            s.execute("SET ROLE tower_owner");
            s.execute("CREATE TABLE public.planted_runs (ran_as text, session_login text, via text)");
            s.execute("GRANT INSERT ON public.planted_runs TO PUBLIC");
            s.execute("""
                    CREATE FUNCTION public.planted_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO public.planted_runs VALUES (current_user, session_user, TG_TABLE_NAME);
                        RETURN coalesce(NEW, OLD);
                    END $$""");
            tables = SqlProbe.column(admin, """
                    SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND c.relowner = 'tower_owner'::regrole AND c.relname <> 'planted_runs'
                      AND NOT c.relispartition""");
            for (String t : tables) {
                s.execute("CREATE TRIGGER zz_planted BEFORE INSERT OR UPDATE OR DELETE ON " + t
                        + " FOR EACH ROW EXECUTE FUNCTION public.planted_trigger()");
                s.execute("ALTER TABLE " + t + " ENABLE ALWAYS TRIGGER zz_planted");
            }
            // overloads that a careless search_path would pick over pg_catalog's (varchar/unknown args)
            for (String sig : new String[] {"btrim(varchar)", "lower(varchar)", "format(varchar, varchar)",
                    "length(varchar)", "starts_with(varchar, varchar)"}) {
                String name = sig.substring(0, sig.indexOf('('));
                String args = sig.substring(sig.indexOf('(') + 1, sig.length() - 1);
                String params = args.contains(",") ? "a varchar, b varchar" : "a varchar";
                s.execute("CREATE FUNCTION public." + name + "(" + params + ") RETURNS text LANGUAGE plpgsql AS $$ BEGIN "
                        + "INSERT INTO public.planted_runs VALUES (current_user, session_user, '" + name + "'); "
                        + "RETURN a; END $$");
            }
            s.execute("""
                    CREATE FUNCTION public.planted_probe() RETURNS text LANGUAGE plpgsql AS $$ BEGIN
                        INSERT INTO public.planted_runs VALUES (current_user, session_user, 'view'); RETURN 'x'; END $$""");
            s.execute("CREATE VIEW public.planted_view AS SELECT public.planted_probe() AS x");
            s.execute("RESET ROLE");
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
            try (Connection su = db.superuser().getConnection()) {
                // tower_setup is the setup login: a member of tower_owner with no more rights than it
                assertThat(SqlProbe.column(su, """
                        SELECT DISTINCT ran_as || ' via ' || via FROM public.planted_runs
                        WHERE ran_as NOT IN ('tower_owner', 'tower_setup')
                           OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_login)""")).isEmpty();
                assertThat(SqlProbe.value(su, "SELECT count(*) > 0 FROM public.planted_runs")).isEqualTo("t");
            }
        } finally {
            try (Connection su = db.superuser().getConnection(); Statement s = su.createStatement()) {
                for (String t : tables) {
                    s.execute("DROP TRIGGER IF EXISTS zz_planted ON " + t);
                }
                s.execute("DROP VIEW IF EXISTS public.planted_view");
                s.execute("DROP FUNCTION IF EXISTS public.planted_probe(), public.planted_trigger(), public.btrim(varchar), "
                        + "public.lower(varchar), public.format(varchar, varchar), public.length(varchar), "
                        + "public.starts_with(varchar, varchar)");
                s.execute("DROP TABLE IF EXISTS public.planted_runs");
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
