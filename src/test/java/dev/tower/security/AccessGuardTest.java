package dev.tower.security;

import dev.tower.error.AccessDeniedException;
import dev.tower.error.ErrorText;
import dev.tower.testing.TestSessions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessGuardTest {
    @Test
    void letsThroughWhatTheRoleHoldsAndRefusesTheRestInPlainWords() {
        Session analyst = TestSessions.offline(Role.ANALYST);
        assertThatCode(() -> AccessGuard.require(analyst, Permission.EXPORT_ANALYTICS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> AccessGuard.require(analyst, Permission.VIEW_CUSTOMER_CONTACT))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.roleLabel()).isEqualTo("Analyst");
                    assertThat(ErrorText.describe(e).text()).isEqualTo(
                            "Your role (Analyst) does not allow you to see customers' email, phone and address.");
                });
    }

    @Test
    void sessionAnswersFromTheMatrixForEveryPermission() {
        for (Role role : Role.values()) {
            Session session = TestSessions.offline(role);
            for (Permission p : Permission.values()) {
                assertThat(session.has(p)).as(role + " " + p).isEqualTo(PermissionMatrix.allows(role, p));
            }
        }
    }
}
