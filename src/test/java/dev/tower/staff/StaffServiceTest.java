package dev.tower.staff;

import dev.tower.error.ErrorClassifier;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class StaffServiceTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void createsAStaffMemberWhoCanSignInWithTheirOwnPassword() throws Exception {
        try (var admin = AdminSession.open()) {
            StaffService staff = new StaffService(admin.session());
            char[] password = "a sturdy password".toCharArray();
            staff.create("svc_test_analyst", "  Sam Service ", Role.ANALYST, password);
            assertThat(password).containsOnly('\0'); // wiped after use
            assertThat(staff.list()).anySatisfy(m -> {
                assertThat(m.login()).isEqualTo("svc_test_analyst");
                assertThat(m.displayName()).isEqualTo("Sam Service");
                assertThat(m.role()).isEqualTo(Role.ANALYST);
                assertThat(m.canLogIn()).isTrue();
            });
            try (Connection c = db.connect("svc_test_analyst", "a sturdy password")) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void badInputIsRefusedInPlainWordsAndChangesNothing() {
        try (var admin = AdminSession.open()) {
            StaffService staff = new StaffService(admin.session());
            int before = staff.list().size();
            assertThatThrownBy(() -> staff.create("Bad Login", "X", Role.OPS, "long enough password".toCharArray()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("lower-case letters");
            assertThatThrownBy(() -> staff.create("tower_sneaky", "X", Role.OPS, "long enough password".toCharArray()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("reserved");
            assertThatThrownBy(() -> staff.create("short_pw", "X", Role.OPS, "short".toCharArray()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("at least 10 characters");
            assertThatThrownBy(() -> staff.create("no_name", " ", Role.OPS, "long enough password".toCharArray()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("name");
            assertThatThrownBy(() -> staff.setDisabled(admin.session().login(), true))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("your own login");
            assertThatThrownBy(() -> staff.changeRole(admin.session().login(), Role.OPS))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("your own role");
            assertThat(staff.list()).filteredOn(m -> m.login().equals(admin.session().login()))
                    .singleElement().extracting(StaffMember::role).isEqualTo(Role.ADMIN);
            // the database's own refusal arrives as the same kind of plain message
            Throwable taken = catchThrowable(() -> staff.create("demo_ops", "Dup", Role.OPS, "long enough password".toCharArray()));
            assertThat(ErrorClassifier.classify(taken)).isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).code()).isEqualTo("staff.login_taken");
            assertThat(staff.list()).hasSize(before);
        }
    }
}
