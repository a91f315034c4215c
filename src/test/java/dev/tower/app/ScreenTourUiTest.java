package dev.tower.app;

import dev.tower.error.UserMessage;
import dev.tower.security.Role;
import dev.tower.shell.Section;
import dev.tower.shell.SectionViews;
import dev.tower.shell.ShellView;
import dev.tower.shell.ShellViewModel;
import dev.tower.testing.TestSessions;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.ThemeSetting;
import dev.tower.ui.controls.BusyOverlay;
import dev.tower.ui.controls.ErrorBanner;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 3: the smoke run's tour over the shell. It visits exactly the sections the role may see, in
 * sidebar order, and names each one that throws while opening, shows an error banner, or never stops being
 * busy, while a clean one passes.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenTourUiTest {

    @Test
    void eachBrokenScreenIsNamedWithWhatWentWrongAndACleanOnePasses() throws Exception {
        SectionViews views = new SectionViews()
                .register(Section.PROVIDERS, () -> new Label("fine"))
                .register(Section.AREAS, () -> {
                    throw new IllegalStateException("the areas view could not be built");
                })
                .register(Section.BOOKINGS, () -> {
                    ErrorBanner banner = new ErrorBanner("brokenBanner");
                    banner.bind(new SimpleObjectProperty<>(new UserMessage("Bookings could not be loaded",
                            "The database refused the query.", "details")));
                    return new VBox(banner);
                })
                .register(Section.DISPUTES, () -> {
                    BusyOverlay overlay = new BusyOverlay("foreverBusy", new Label("never loads"));
                    overlay.bind(new SimpleBooleanProperty(true), new SimpleStringProperty("Loading…"));
                    return overlay;
                });

        List<ScreenTour.Visit> visits = tour(Role.OPS, views);

        assertThat(visits).extracting(ScreenTour.Visit::section)
                .containsExactly(Section.PROVIDERS, Section.AREAS, Section.BOOKINGS, Section.DISPUTES);
        assertThat(visits.get(0).ok()).isTrue();
        assertThat(visits.get(0).line()).startsWith("smoke: screen \"Providers\" ok");
        assertThat(visits.get(1).line()).contains("\"Service areas\" FAILED")
                .contains("IllegalStateException: the areas view could not be built");
        assertThat(visits.get(2).line()).contains("\"Bookings\" FAILED")
                .contains("Bookings could not be loaded").contains("The database refused the query.");
        assertThat(visits.get(3).line()).contains("\"Disputes\" FAILED").contains("still busy after 1 s");
    }

    @Test
    void anAnalystTourVisitsOnlyWhatTheAnalystMaySee() throws Exception {
        List<ScreenTour.Visit> visits = tour(Role.ANALYST, new SectionViews());

        assertThat(visits).extracting(ScreenTour.Visit::section).containsExactly(Section.ANALYTICS);
        assertThat(visits).allMatch(ScreenTour.Visit::ok);
    }

    @Test
    void anAdminTourCoversEverySectionInSidebarOrder() throws Exception {
        List<ScreenTour.Visit> visits = tour(Role.ADMIN, new SectionViews());

        assertThat(visits).extracting(ScreenTour.Visit::section).containsExactly(Section.values());
        assertThat(visits).allMatch(ScreenTour.Visit::ok);
    }

    private static List<ScreenTour.Visit> tour(Role role, SectionViews views) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        CompletableFuture<List<ScreenTour.Visit>> done = new CompletableFuture<>();
        List<ScreenTour.Visit> told = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            ShellViewModel shell = new ShellViewModel(TestSessions.offline(role), new SyncTaskExecutor(),
                    new ThemeSetting(), () -> { });
            stage.setScene(new Scene(new ShellView(shell, views), 1000, 700));
            stage.show();
            // the tour records what a screen throws on this thread and hands it on; TestFX's own handler
            // would fail the test with it, so the tour hands it to a quiet one here
            Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> { });
            new ScreenTour(shell, Duration.seconds(1), () -> stage.getScene().getRoot(), told::add, done::complete).start();
        });
        List<ScreenTour.Visit> visits = done.get(30, TimeUnit.SECONDS);
        assertThat(told).as("each visit is told as it is done").isEqualTo(visits);
        return visits;
    }
}
