package dev.tower.settings;

import dev.tower.error.ValidationException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The editable settings, each with its type and bounds. The same rules live in ops.set_system_setting;
 * checking here too gives the message before a round trip, and keeps the form honest about units.
 */
public enum SettingKind {
    REFUND_APPROVAL_LIMIT("refund.second_approval_above", "Refund approval limit", "The refund approval limit", "USD",
            Pattern.compile("^\\d{1,7}(\\.\\d{1,2})?$"), new BigDecimal("0.01"), new BigDecimal("100000.00")),
    DISPUTE_SLA_HOURS("dispute.sla_hours", "Dispute resolution time", "Hours to resolve a dispute", "hours",
            Pattern.compile("^\\d{1,4}$"), BigDecimal.ONE, new BigDecimal("720")),
    PLATFORM_FEE_PERCENT("platform.fee_percent", "Platform fee", "The platform fee", "%",
            Pattern.compile("^\\d{1,2}(\\.\\d{1,2})?$"), BigDecimal.ZERO, new BigDecimal("50"));

    private final String key;
    private final String title;
    private final String label;
    private final String unit;
    private final Pattern form;
    private final BigDecimal min;
    private final BigDecimal max;

    /**
     * @param title a short name for headings
     * @param label what the value means, used in messages ("... must be between")
     */
    SettingKind(String key, String title, String label, String unit, Pattern form, BigDecimal min, BigDecimal max) {
        this.key = key;
        this.title = title;
        this.label = label;
        this.unit = unit;
        this.form = form;
        this.min = min;
        this.max = max;
    }

    public String key() { return key; }

    public String title() { return title; }

    public String label() { return label; }

    public String unit() { return unit; }

    public static java.util.Optional<SettingKind> ofKey(String key) {
        return java.util.Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    private static final Pattern NUMBER = Pattern.compile("^-?\\d{1,20}(\\.\\d+)?$");

    /**
     * The value as the database will store it, or a plain-worded refusal: a number outside the bounds
     * says so with the range (whatever its form), anything else says what form is expected. Never uses
     * floating point.
     */
    public String normalise(String input) {
        String v = input == null ? "" : input.strip();
        String number = this == REFUND_APPROVAL_LIMIT && v.matches("^\\d{1,3}(,\\d{3})+(\\.\\d*)?$") ? v.replace(",", "") : v;
        if (NUMBER.matcher(number).matches()) {
            BigDecimal value = new BigDecimal(number);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw outOfRange();
            }
            v = number;
        }
        if (!form.matcher(v).matches()) {
            throw new ValidationException("settings.bad_value", switch (this) {
                case REFUND_APPROVAL_LIMIT -> NUMBER.matcher(v).matches()
                        ? "\"" + v + "\" has more than two decimals; cents are the smallest unit."
                        : "\"" + v + "\" is not an amount in dollars and cents, such as 200 or 200.00.";
                case DISPUTE_SLA_HOURS -> "\"" + v + "\" is not a whole number of hours.";
                case PLATFORM_FEE_PERCENT -> NUMBER.matcher(v).matches()
                        ? "\"" + v + "\" has more than two decimals; the fee is set to a hundredth of a percent."
                        : "\"" + v + "\" is not a percentage with at most two decimals, such as 12.5.";
            });
        }
        BigDecimal value = new BigDecimal(v);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw outOfRange();
        }
        return this == DISPUTE_SLA_HOURS ? value.toBigInteger().toString() : value.setScale(2).toPlainString();
    }

    private ValidationException outOfRange() {
        String unitText = unit.equals("%") ? " %" : " " + unit;
        return new ValidationException("settings.out_of_range",
                label + " must be between " + min.toPlainString() + " and " + max.toPlainString() + unitText + ".");
    }
}
