package dev.tower.ui;

/** What long work sees of its own task: report how far it is, and notice when it was cancelled. */
public interface TaskProgress {
    /** @param fraction 0..1 */
    void report(double fraction);

    boolean cancelled();

    TaskProgress NONE = new TaskProgress() {
        @Override
        public void report(double fraction) { }

        @Override
        public boolean cancelled() { return false; }
    };
}
