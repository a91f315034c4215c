package dev.tower.ui.kit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldRuleTest {
    @Test
    void messagesSayWhatIsWrongAndTheRange() {
        FieldRule limit = FieldRule.money("Refund approval limit", Money.usd("1"), Money.usd("100000"));
        assertThat(limit.check("0")).contains("Refund approval limit is out of range: it must be between $1.00 and $100,000.00.");
        assertThat(limit.check("99999999999")).contains("Refund approval limit is out of range: it must be between $1.00 and $100,000.00.");
        assertThat(limit.check("12.345")).get().asString().contains("more than 2 decimals");
        assertThat(limit.check("1,234.50")).isEmpty();

        FieldRule fee = FieldRule.decimal("Platform fee", BigDecimal.ZERO, new BigDecimal("100"), 2, " %");
        assertThat(fee.check("150")).contains("Platform fee is out of range: it must be between 0 % and 100 %.");
        assertThat(fee.check("12.5 %")).isEmpty();
        assertThat(fee.check("1.234")).contains("Platform fee may have at most 2 decimals.");

        FieldRule hours = FieldRule.wholeNumber("Response time", 1, 720, "hours");
        assertThat(hours.check("-1")).contains("Response time is out of range: it must be between 1 and 720 hours.");
        assertThat(hours.check("1.5")).contains("Response time must be a whole number of hours, between 1 and 720 hours.");
        assertThat(hours.check("99999999999999999999")).get().asString().contains("out of range");
    }

    @Test
    void requiredReportsEmptinessOnceAndOtherRulesPassEmpty() {
        Field login = new Field("Login", "", FieldRule.required("Login"), FieldRule.length("Login", 3, 20),
                FieldRule.pattern("Login", "[a-z][a-z0-9_]*", "lower-case letters, digits and _, starting with a letter"));
        assertThat(login.problem().get()).isEqualTo("Login is required.");
        login.setText("ab");
        assertThat(login.problem().get()).isEqualTo("Login must be 3 to 20 characters long (it is 2).");
        login.setText("Abc");
        assertThat(login.problem().get()).isEqualTo("Login must be lower-case letters, digits and _, starting with a letter.");
        login.setText("abc");
        assertThat(login.isValid()).isTrue();
    }

    @Test
    void moneyParsesTypedFormsAndRefusesOverPreciseInput() {
        assertThat(Money.parse("1,234.50", Money.USD)).isEqualTo(Money.usd("1234.50"));
        assertThat(Money.parse("$ 12", Money.USD).amount()).isEqualByComparingTo("12.00");
        assertThat(Money.parse("3.5", Money.USD).display()).isEqualTo("$3.50");
        assertThatThrownBy(() -> Money.parse("12.345", Money.USD)).hasMessageContaining("more than 2 decimals");
        assertThatThrownBy(() -> Money.parse("12,34", Money.USD)).hasMessageContaining("not an amount");
        assertThatThrownBy(() -> Money.usd("0.001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void computedAmountsRoundHalfEvenOnce() {
        assertThat(Money.rounded(new BigDecimal("2.345"), Money.USD)).isEqualTo(Money.usd("2.34"));
        assertThat(Money.rounded(new BigDecimal("2.355"), Money.USD)).isEqualTo(Money.usd("2.36"));
        assertThat(Money.usd("10.10").percent(new BigDecimal("12.5"))).isEqualTo(Money.usd("1.26"));
        assertThat(Money.usd("1.10").plus(Money.usd("2.25")).minus(Money.usd("0.35"))).isEqualTo(Money.usd("3.00"));
    }
}
