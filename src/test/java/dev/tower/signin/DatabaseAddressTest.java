package dev.tower.signin;

import dev.tower.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseAddressTest {
    @Test
    void namesHostPortAndDatabase() {
        assertThat(DatabaseAddress.describe("jdbc:postgresql://db.example.com:6543/tower?sslmode=require"))
                .isEqualTo("db.example.com:6543/tower");
        assertThat(DatabaseAddress.describe("jdbc:postgresql://db.example.com/tower")).isEqualTo("db.example.com:5432/tower");
        assertThat(DatabaseAddress.target("jdbc:postgresql://localhost:1/x")).isEqualTo("localhost:1");
    }

    @Test
    void refusesWhatIsNotAPostgresAddressInPlainWords() {
        assertThatThrownBy(() -> DatabaseAddress.normalise("mysql://db/x"))
                .isInstanceOfSatisfying(ValidationException.class,
                        v -> assertThat(v.plainMessage()).contains("not a PostgreSQL address"));
    }
}
