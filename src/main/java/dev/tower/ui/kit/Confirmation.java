package dev.tower.ui.kit;

import java.util.Objects;

/**
 * A question the user must answer before an action runs, naming what it will do ("Disable login
 * demo_ops? They can no longer sign in; open sessions end.") and, for destructive ones, a word to type
 * (usually the record's name). Toolkit-free: a ViewModel raises it through {@link Confirmations}, the
 * view renders it ({@code ui.controls.ConfirmDialog}).
 *
 * @param typedWord null when a click is enough
 */
public record Confirmation(String title, String consequence, String confirmLabel, String typedWord,
                           Runnable onConfirm) {
    public Confirmation {
        Objects.requireNonNull(title);
        Objects.requireNonNull(consequence);
        Objects.requireNonNull(confirmLabel);
        Objects.requireNonNull(onConfirm);
    }

    public static Confirmation ask(String title, String consequence, String confirmLabel, Runnable onConfirm) {
        return new Confirmation(title, consequence, confirmLabel, null, onConfirm);
    }

    /** A destructive action: the confirm button stays disabled until {@code word} is typed exactly. */
    public static Confirmation typed(String title, String consequence, String confirmLabel, String word,
                                     Runnable onConfirm) {
        return new Confirmation(title, consequence, confirmLabel, Objects.requireNonNull(word), onConfirm);
    }

    public boolean needsTyping() { return typedWord != null; }

    public boolean accepts(String typed) {
        return typedWord == null || typedWord.equals(typed == null ? null : typed.strip());
    }
}
