package dev.tower.ui.kit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount of money: a {@link BigDecimal} with exactly the currency's minor digits (two for USD and
 * EUR), never a floating-point number. Typed input is parsed strictly ({@link #parse}): "1,234.50",
 * "1234.5" and "$12" are read, "12.345" is refused rather than silently rounded; computed amounts
 * (a percentage fee) are rounded half-even once, with {@link #rounded}.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    public static final Currency USD = Currency.getInstance("USD");
    private static final Pattern TYPED = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = minorDigits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(amount + " has more than " + digits + " decimals for " + currency);
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money usd(String amount) {
        return of(amount, USD);
    }

    /** A computed amount rounded half-even to the currency's minor unit (for fees and shares). */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(minorDigits(currency), RoundingMode.HALF_EVEN), currency);
    }

    /** Why {@code text} is not an amount, or empty if {@link #parse} reads it. */
    public static Optional<String> problem(String text, Currency currency) {
        String s = normalise(text, currency);
        if (s.isEmpty()) {
            return Optional.of("is empty");
        }
        if (!TYPED.matcher(s).matches()) {
            return Optional.of("is not an amount (type it like 1,234.50)");
        }
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        if (decimals > minorDigits(currency)) {
            return Optional.of("has more than " + minorDigits(currency) + " decimals (cents are the smallest unit)");
        }
        return Optional.empty();
    }

    /** Reads typed input such as "1,234.50", "$ 12" or "-3.5"; throws with {@link #problem}'s words. */
    public static Money parse(String text, Currency currency) {
        Optional<String> problem = problem(text, currency);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("\"" + text + "\" " + problem.get());
        }
        return new Money(new BigDecimal(normalise(text, currency).replace(",", "")), currency);
    }

    private static String normalise(String text, Currency currency) {
        String s = text == null ? "" : text.strip();
        String symbol = currency.getSymbol(Locale.US);
        if (s.startsWith(symbol)) {
            s = s.substring(symbol.length()).strip();
        } else if (s.startsWith("-" + symbol)) {
            s = "-" + s.substring(symbol.length() + 1).strip();
        }
        return s;
    }

    private static int minorDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount times {@code percent}/100, rounded half-even: the fee on a booking. */
    public Money percent(BigDecimal percent) {
        return rounded(amount.multiply(percent).movePointLeft(2), currency);
    }

    public boolean isNegative() { return amount.signum() < 0; }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " and " + other.currency);
        }
    }

    /** "$1,234.50" (US grouping; Tower's markets are priced in US dollars). */
    public String display() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        return format.format(amount);
    }

    @Override
    public String toString() { return display(); }
}
