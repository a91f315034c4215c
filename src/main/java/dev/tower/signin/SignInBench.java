package dev.tower.signin;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchTarget;
import dev.tower.security.PermissionMatrix;
import dev.tower.security.Role;
import dev.tower.security.Session;

import java.util.List;

/**
 * Sign-in for {@code tower bench}: open the login's own pool, ask the database for the role and the
 * display name, derive the permissions, close. Every staff role signs in, so no permission applies.
 */
public final class SignInBench implements BenchOperations {
    @Override
    public List<BenchOperation> operations(BenchContext context) {
        return List.of(BenchOperation.of("signin.sign_in", Role.OPS, null, BenchTarget.SIGN_IN, ignored -> {
            try (Session s = context.signIn(Role.OPS)) {
                PermissionMatrix.permissionsOf(s.role());
            }
        }));
    }
}
