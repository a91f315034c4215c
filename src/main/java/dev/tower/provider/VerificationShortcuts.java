package dev.tower.provider;

/**
 * The verification screens' keyboard shortcuts, toolkit-free so the ViewModel can show them as text;
 * the views map {@link #key} to a key combination.
 */
public enum VerificationShortcuts {
    NEXT_PROVIDER("J", "Next provider"),
    PREVIOUS_PROVIDER("K", "Previous provider"),
    OPEN_PROVIDER("Enter", "Open provider"),
    NEXT_DOCUMENT("N", "Next document"),
    ACCEPT_DOCUMENT("A", "Accept document"),
    REJECT_DOCUMENT("R", "Reject document"),
    VERIFY_PROVIDER("V", "Verify provider");

    private final String key;
    private final String label;

    VerificationShortcuts(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() { return key; }

    public String label() { return label; }

    /** "Accept document (A)", for buttons and tooltips. */
    public String withKey() { return label + " (" + key + ")"; }
}
