package dev.tower.security;

import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One check for the whole write path: every function a staff group may execute (in {@code ops} or any
 * other schema) declares the Permission it implements as {@code COMMENT ON FUNCTION … IS 'permission: X'},
 * and the groups holding EXECUTE are exactly the roles {@link PermissionMatrix} grants X. Functions no
 * staff group can execute (internal helpers) need no comment, but if they have one it must match too.
 */
class FunctionGrantsMatchPermissionMatrixTest {
    private static final Pattern PERMISSION = Pattern.compile("^permission:\\s*([A-Z_]+)\\s*$");

    record Function(String signature, String comment, Set<String> executors) {}

    @Test
    void everyStaffExecutableFunctionNamesItsPermissionAndItsGrantsMatchTheMatrix() throws Exception {
        List<Function> functions = functions();
        assertThat(functions).extracting(Function::signature).as("the write path exists")
                .contains("ops.set_system_setting(text,text,timestamp with time zone)");
        List<String> problems = new ArrayList<>();
        for (Function f : functions) {
            if (f.comment() == null || !PERMISSION.matcher(f.comment()).matches()) {
                if (!f.executors().isEmpty()) {
                    problems.add(f.signature() + " is executable by " + f.executors()
                            + " but has no 'permission: NAME' comment");
                }
                continue;
            }
            Matcher m = PERMISSION.matcher(f.comment());
            m.matches();
            Permission permission;
            try {
                permission = Permission.valueOf(m.group(1));
            } catch (IllegalArgumentException e) {
                problems.add(f.signature() + " names unknown permission " + m.group(1));
                continue;
            }
            Set<String> expected = Arrays.stream(Role.values()).filter(r -> PermissionMatrix.allows(r, permission))
                    .map(Role::groupRole).collect(Collectors.toCollection(TreeSet::new));
            if (!expected.equals(f.executors())) {
                problems.add(f.signature() + " (" + permission + ") is executable by " + f.executors()
                        + " but the matrix grants it to " + expected);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Functions outside the system schemas that are in ops or executable by a staff group. */
    private static List<Function> functions() throws Exception {
        String groups = Arrays.stream(Role.values()).map(r -> "'" + r.groupRole() + "'").collect(Collectors.joining(","));
        String sql = """
                SELECT p.oid::regprocedure::text AS signature,
                       obj_description(p.oid, 'pg_proc') AS comment,
                       coalesce((SELECT string_agg(g.rolname, ',' ORDER BY g.rolname)
                                 FROM aclexplode(p.proacl) a JOIN pg_roles g ON g.oid = a.grantee
                                 WHERE a.privilege_type = 'EXECUTE' AND g.rolname IN (%s)), '') AS executors
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_%%'
                ORDER BY 1""".formatted(groups);
        List<Function> out = new ArrayList<>();
        try (Connection c = TestDatabase.get().superuser().getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Set<String> executors = rs.getString("executors").isEmpty() ? Set.of()
                        : new TreeSet<>(List.of(rs.getString("executors").split(",")));
                boolean inOps = rs.getString("signature").startsWith("ops.");
                if (inOps || !executors.isEmpty()) {
                    out.add(new Function(rs.getString("signature"), rs.getString("comment"), executors));
                }
            }
        }
        return out;
    }
}
