package dev.tower.wall;

import dev.tower.testing.SqlProbe;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an admin who assumes tower_owner can plant on everything that role owns: a trigger on every
 * table, function overloads in public shadowing built-ins privileged code might call, and a view. Each
 * planted body records who it ran as in {@code public.planted_runs}.
 */
final class PlantedCode {
    private static final String[] OVERLOADS = {"btrim(varchar)", "lower(varchar)", "format(varchar, varchar)",
            "length(varchar)", "starts_with(varchar, varchar)"};

    private final List<String> tables;

    private PlantedCode(List<String> tables) {
        this.tables = tables;
    }

    /** Plants everything through {@code admin}, a connection of a login that may SET ROLE tower_owner. */
    static PlantedCode plant(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("SET ROLE tower_owner");
            s.execute("CREATE TABLE public.planted_runs (ran_as text, session_login text, via text)");
            s.execute("GRANT INSERT ON public.planted_runs TO PUBLIC");
            s.execute("""
                    CREATE FUNCTION public.planted_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO public.planted_runs VALUES (current_user, session_user, TG_TABLE_NAME);
                        RETURN coalesce(NEW, OLD);
                    END $$""");
            List<String> tables = SqlProbe.column(admin, """
                    SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND c.relowner = 'tower_owner'::regrole AND c.relname <> 'planted_runs'
                      AND NOT c.relispartition""");
            for (String t : tables) {
                s.execute("CREATE TRIGGER zz_planted BEFORE INSERT OR UPDATE OR DELETE ON " + t
                        + " FOR EACH ROW EXECUTE FUNCTION public.planted_trigger()");
                s.execute("ALTER TABLE " + t + " ENABLE ALWAYS TRIGGER zz_planted");
            }
            // overloads that a careless search_path would pick over pg_catalog's (varchar/unknown args)
            for (String sig : OVERLOADS) {
                String name = sig.substring(0, sig.indexOf('('));
                String params = sig.contains(",") ? "a varchar, b varchar" : "a varchar";
                s.execute("CREATE FUNCTION public." + name + "(" + params + ") RETURNS text LANGUAGE plpgsql AS $$ BEGIN "
                        + "INSERT INTO public.planted_runs VALUES (current_user, session_user, '" + name + "'); "
                        + "RETURN a; END $$");
            }
            s.execute("""
                    CREATE FUNCTION public.planted_probe() RETURNS text LANGUAGE plpgsql AS $$ BEGIN
                        INSERT INTO public.planted_runs VALUES (current_user, session_user, 'view'); RETURN 'x'; END $$""");
            s.execute("CREATE VIEW public.planted_view AS SELECT public.planted_probe() AS x");
            s.execute("RESET ROLE");
            return new PlantedCode(tables);
        }
    }

    /**
     * The planted code ran (so the paths did reach it) and only ever as tower_owner or tower_setup (a
     * login that is a member of tower_owner with nothing more), never in the session of a superuser or
     * of a CREATEROLE login (there a planted {@code RESET ROLE} would hand over that login's rights).
     */
    static void assertRanOnlyAsTheOwner(Connection su) throws SQLException {
        assertThat(SqlProbe.column(su, """
                SELECT DISTINCT ran_as || ' in a session of ' || session_login || ' via ' || via FROM public.planted_runs
                WHERE ran_as NOT IN ('tower_owner', 'tower_setup')
                   OR (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_login)""")).isEmpty();
        assertThat(SqlProbe.value(su, "SELECT count(*) > 0 FROM public.planted_runs")).isEqualTo("t");
    }

    /** Who the planted code ran as, e.g. {@code tower_setup via bookings}. */
    static List<String> runs(Connection su) throws SQLException {
        return SqlProbe.column(su, "SELECT DISTINCT ran_as || ' via ' || via FROM public.planted_runs ORDER BY 1");
    }

    /** Removes everything {@link #plant} created; needs a superuser connection. */
    void remove(Connection su) throws SQLException {
        try (Statement s = su.createStatement()) {
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
