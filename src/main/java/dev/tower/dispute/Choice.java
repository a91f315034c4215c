package dev.tower.dispute;

/** A code and the words for it, for the form's and filters' choice boxes. */
public record Choice(String code, String label) {
    @Override
    public String toString() { return label; }
}
