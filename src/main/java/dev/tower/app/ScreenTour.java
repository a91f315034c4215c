package dev.tower.app;

import dev.tower.shell.Section;
import dev.tower.shell.ShellViewModel;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code tower --smoke LOGIN} (issue 15, item 3): once signed in, opens every section the role may see,
 * in sidebar order, as a click on the sidebar would, and waits for each to settle (no busy layer showing).
 * A section fails when opening it throws on the UI thread, when it shows an error banner, or when it is
 * still busy after {@link #SETTLE_LIMIT}; the failure names the section. The sections come from the
 * shell's own list ({@link ShellViewModel#sections()}, i.e. {@link Section} filtered by the role's
 * permissions), so a screen added later is toured without touching this class.
 */
final class ScreenTour {
    static final Duration SETTLE_LIMIT = Duration.seconds(30);
    private static final Duration POLL = Duration.millis(100);
    /** Settled = idle on this many polls in a row: a screen may start its first load one pulse late. */
    private static final int QUIET_POLLS = 3;

    /** What happened to one section. {@code failure} is null when it opened cleanly. */
    record Visit(Section section, long millis, String failure) {
        boolean ok() { return failure == null; }

        String line() {
            return ok() ? String.format(Locale.ROOT, "smoke: screen \"%s\" ok (%d ms)", section.title(), millis)
                    : String.format(Locale.ROOT, "smoke: screen \"%s\" FAILED: %s", section.title(), failure);
        }
    }

    private final ShellViewModel shell;
    private final Duration settleLimit;
    private final Supplier<Parent> sceneRoot;
    private final Consumer<Visit> onVisit;
    private final Consumer<List<Visit>> onDone;
    private final List<Visit> visits = new ArrayList<>();
    private final List<Throwable> uncaught = new ArrayList<>();
    private Iterator<Section> remaining;
    private Thread.UncaughtExceptionHandler previousHandler;

    /**
     * @param sceneRoot the window's root, searched for busy layers and error banners
     * @param onVisit   told of each section as it is done (the smoke run prints it)
     * @param onDone    told of every visit once the last section is done
     */
    ScreenTour(ShellViewModel shell, Supplier<Parent> sceneRoot, Consumer<Visit> onVisit, Consumer<List<Visit>> onDone) {
        this(shell, SETTLE_LIMIT, sceneRoot, onVisit, onDone);
    }

    ScreenTour(ShellViewModel shell, Duration settleLimit, Supplier<Parent> sceneRoot, Consumer<Visit> onVisit,
               Consumer<List<Visit>> onDone) {
        this.shell = shell;
        this.settleLimit = settleLimit;
        this.sceneRoot = sceneRoot;
        this.onVisit = onVisit;
        this.onDone = onDone;
    }

    /** Starts the tour; call on the UI thread. Failures on that thread are recorded while it runs. */
    void start() {
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
        previousHandler = previous;
        fx.setUncaughtExceptionHandler((thread, failure) -> {
            uncaught.add(failure);
            if (previous != null) {
                previous.uncaughtException(thread, failure);
            }
        });
        remaining = List.copyOf(shell.sections()).iterator();
        next();
    }

    private void next() {
        if (!remaining.hasNext()) {
            Thread.currentThread().setUncaughtExceptionHandler(previousHandler);
            onDone.accept(List.copyOf(visits));
            return;
        }
        Section section = remaining.next();
        long started = System.nanoTime();
        uncaught.clear();
        try {
            shell.select(section);
        } catch (RuntimeException e) {
            uncaught.add(e);
        }
        poll(section, started, 0);
    }

    private void poll(Section section, long started, int quietPolls) {
        PauseTransition wait = new PauseTransition(POLL);
        wait.setOnFinished(event -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            String failure = failure(section);
            boolean busy = showing(sceneRoot.get(), ".busy-overlay").isPresent();
            if (failure == null && busy && millis < settleLimit.toMillis()) {
                poll(section, started, 0);
            } else if (failure == null && !busy && quietPolls + 1 < QUIET_POLLS) {
                poll(section, started, quietPolls + 1);
            } else {
                finish(new Visit(section, millis, failure != null ? failure
                        : busy ? "still busy after " + (long) settleLimit.toSeconds() + " s" : null));
            }
        });
        wait.play();
    }

    private String failure(Section section) {
        if (!uncaught.isEmpty()) {
            Throwable first = uncaught.getFirst();
            return "it threw " + first.getClass().getSimpleName() + ": " + first.getMessage();
        }
        if (shell.selectedSectionProperty().get() != section) {
            return "the shell did not open it (it shows " + shell.selectedSectionProperty().get() + ")";
        }
        return showing(sceneRoot.get(), ".error-banner").map(banner -> "it shows the error \"" + bannerText(banner) + "\"")
                .orElse(null);
    }

    private void finish(Visit visit) {
        visits.add(visit);
        onVisit.accept(visit);
        next();
    }

    /** The first node matching {@code selector} that is visible on screen (it and every parent visible). */
    static java.util.Optional<Node> showing(Parent root, String selector) {
        return root.lookupAll(selector).stream().filter(ScreenTour::treeVisible).findFirst();
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static String bannerText(Node banner) {
        return banner instanceof Parent parent ? String.join(" ", parent.lookupAll(".label").stream()
                .filter(Label.class::isInstance).map(l -> ((Label) l).getText())
                .filter(t -> t != null && !t.isBlank()).distinct().toList()) : banner.toString();
    }
}
