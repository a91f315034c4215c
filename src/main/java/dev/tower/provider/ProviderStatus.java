package dev.tower.provider;

/**
 * The verification queue's tabs. The first four are stored ({@code providers.certification_status});
 * {@link #NEEDS_REVERIFICATION} is computed from the documents: a verified provider with a required
 * document that expires within {@link #REVERIFY_WITHIN_DAYS} days (or already has).
 */
public enum ProviderStatus {
    PENDING("pending", "Pending"),
    VERIFIED("verified", "Verified"),
    REJECTED("rejected", "Rejected"),
    SUSPENDED("suspended", "Suspended"),
    NEEDS_REVERIFICATION("verified", "Needs re-verification");

    public static final int REVERIFY_WITHIN_DAYS = 30;

    private final String stored;
    private final String label;

    ProviderStatus(String stored, String label) {
        this.stored = stored;
        this.label = label;
    }

    /** The certification_status value the tab reads. */
    public String stored() { return stored; }

    public String label() { return label; }

    public static ProviderStatus ofStored(String value) {
        for (ProviderStatus s : values()) {
            if (s.stored.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown certification status " + value);
    }
}
