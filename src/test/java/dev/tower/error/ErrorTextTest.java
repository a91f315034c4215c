package dev.tower.error;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTextTest {
    @Test
    void everyKindReadsAsPlainWordsWithTheTechnicalPartInDetails() {
        UserMessage m = ErrorText.describe(new RuntimeException("wrapped", new SQLException("FATAL: boom", "57P01")));
        assertThat(m.title()).isEqualTo("Database unreachable");
        assertThat(m.text()).doesNotContain("SQLSTATE", "57P01", "FATAL");
        assertThat(m.details()).contains("SQLSTATE 57P01", "FATAL: boom", "java.lang.RuntimeException: wrapped");
    }

    @Test
    void connectionErrorsNameTheTargetWhenKnown() {
        assertThat(ErrorText.describe(new ConnectionLostException("db.example.com:5432", null)).text())
                .startsWith("Cannot reach the database at db.example.com:5432.");
    }

    @Test
    void signInReasonsHaveDistinctMessages() {
        assertThat(ErrorText.describe(new SignInRefusedException(SignInRefusedException.Reason.WRONG_LOGIN_OR_PASSWORD, "x", null)).text())
                .isEqualTo("Wrong login or password.");
        assertThat(ErrorText.describe(new SignInRefusedException(SignInRefusedException.Reason.UNKNOWN_ROLE, "bob", null)).text())
                .contains("\u201Cbob\u201D", "no Tower role");
        assertThat(ErrorText.describe(new SignInRefusedException(SignInRefusedException.Reason.LOGIN_DISABLED, "bob", null)).text())
                .contains("disabled");
    }

    @Test
    void validationShowsTheRuleSentenceItself() {
        assertThat(ErrorText.describe(new ValidationException("note_missing", "Write a note for the rejection.")).text())
                .isEqualTo("Write a note for the rejection.");
    }

    @Test
    void unexpectedFailuresDoNotLeakTheirMessageIntoTheHeadline() {
        UserMessage m = ErrorText.describe(new IllegalStateException("index 7 out of bounds"));
        assertThat(m.title()).isEqualTo("Something went wrong");
        assertThat(m.text()).doesNotContain("index 7");
        assertThat(m.details()).contains("index 7 out of bounds");
    }
}
