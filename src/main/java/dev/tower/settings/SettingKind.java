package dev.tower.settings;

import dev.tower.error.ValidationException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The editable settings, each with its type and bounds. The same rules live in ops.set_system_setting;
 * checking here too gives the message before a round trip, and keeps the form honest about units.
 */
public enum SettingKind {
    REFUND_APPROVAL_LIMIT("refund.second_approval_above", "Refund approval limit", "Refunds above this need an admin's approval", "USD",
            Pattern.compile("^\\d{1,7}(\\.\\d{1,2})?$"), new BigDecimal("0.01"), new BigDecimal("100000.00")),
    DISPUTE_SLA_HOURS("dispute.sla_hours", "Dispute resolution time", "Hours to resolve a dispute", "hours",
            Pattern.compile("^\\d{1,4}$"), BigDecimal.ONE, new BigDecimal("720")),
    PLATFORM_FEE_PERCENT("platform.fee_percent", "Platform fee", "Platform fee", "%",
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

    /** The value as the database will store it, or a plain-worded refusal. Never uses floating point. */
    public String normalise(String input) {
        String v = input == null ? "" : input.strip();
        if (!form.matcher(v).matches()) {
            throw new ValidationException("settings.bad_value", switch (this) {
                case REFUND_APPROVAL_LIMIT -> "\"" + v + "\" is not an amount in dollars and cents, such as 200 or 200.00.";
                case DISPUTE_SLA_HOURS -> "\"" + v + "\" is not a whole number of hours.";
                case PLATFORM_FEE_PERCENT -> "\"" + v + "\" is not a percentage with at most two decimals, such as 12.5.";
            });
        }
        BigDecimal value = new BigDecimal(v);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new ValidationException("settings.out_of_range",
                    label + " must be between " + min.toPlainString() + " and " + max.toPlainString() + " " + unit + ".");
        }
        return this == DISPUTE_SLA_HOURS ? value.toBigInteger().toString() : value.setScale(2).toPlainString();
    }
}
