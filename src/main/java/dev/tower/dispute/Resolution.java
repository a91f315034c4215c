package dev.tower.dispute;

/** How a dispute ends, with the database's code and the words the form shows. */
public enum Resolution {
    FULL_REFUND("full_refund", "Full refund"),
    PARTIAL_REFUND("partial_refund", "Partial refund"),
    NO_REFUND("no_refund", "No refund");

    private final String code;
    private final String label;

    Resolution(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() { return code; }

    public String label() { return label; }

    @Override
    public String toString() { return label; }
}
