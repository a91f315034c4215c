package dev.tower.audit;

/** One field of an audited row before and after; values are JSON text, null where absent. */
public record FieldChange(String field, String oldValue, String newValue) {
    public boolean changed() {
        return oldValue == null ? newValue != null : !oldValue.equals(newValue);
    }
}
