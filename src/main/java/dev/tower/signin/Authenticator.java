package dev.tower.signin;

import dev.tower.security.Session;

/** What the sign-in screen needs from the outside world; {@link SignInService} is the real one. */
@FunctionalInterface
public interface Authenticator {
    /**
     * @return an open session (the caller closes it on sign-out)
     * @throws dev.tower.error.TowerException typed, for every failure a person can act on
     */
    Session signIn(SignInRequest request);
}
