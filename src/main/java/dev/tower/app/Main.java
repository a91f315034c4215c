package dev.tower.app;

/** Entry point; the command line is being built (see README). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        throw new UnsupportedOperationException("Tower's command line is not wired yet");
    }
}
