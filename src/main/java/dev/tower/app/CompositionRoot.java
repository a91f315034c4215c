package dev.tower.app;

import dev.tower.area.AreaService;
import dev.tower.area.AreasView;
import dev.tower.area.AreasViewModel;
import dev.tower.audit.AuditService;
import dev.tower.audit.AuditView;
import dev.tower.audit.AuditViewModel;
import dev.tower.connection.ConnectionMonitor;
import dev.tower.schema.HealthService;
import dev.tower.schema.HealthView;
import dev.tower.schema.HealthViewModel;
import dev.tower.schema.MigrationsView;
import dev.tower.schema.MigrationsViewModel;
import dev.tower.schema.SchemaService;
import dev.tower.security.Permission;
import dev.tower.ui.WriteGate;
import dev.tower.security.Session;
import dev.tower.settings.SettingsService;
import dev.tower.provider.ProviderPageViewModel;
import dev.tower.provider.ProviderService;
import dev.tower.provider.ProvidersView;
import dev.tower.provider.VerificationQueueViewModel;
import dev.tower.settings.SettingsView;
import dev.tower.settings.SettingsViewModel;
import dev.tower.shell.Section;
import dev.tower.shell.SectionViews;
import dev.tower.shell.ShellView;
import dev.tower.shell.ShellViewModel;
import dev.tower.signin.SignInService;
import dev.tower.signin.SignInView;
import dev.tower.signin.SignInViewModel;
import dev.tower.staff.StaffService;
import dev.tower.staff.StaffView;
import dev.tower.staff.StaffViewModel;
import dev.tower.ui.FxTaskExecutor;
import dev.tower.ui.TaskExecutor;
import dev.tower.ui.ThemeSetting;
import dev.tower.ui.Themes;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;

/**
 * The only place that constructs services, ViewModels and views and wires them together, and the
 * app's navigation: sign-in, then the shell for one session, then back to sign-in on sign-out.
 *
 * <p>A feature plugs in by registering its view for its {@link dev.tower.shell.Section} in
 * {@link #sectionViews(Session)}; the shell itself never changes.
 */
public final class CompositionRoot {
    private static final Logger LOG = LoggerFactory.getLogger(CompositionRoot.class);
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 640;

    private final AppConfig config;
    /** The window's write gate: set here, watched by the open shell, followed by every Command (via the executor). */
    private final WriteGate gate = new WriteGate();
    private final TaskExecutor executor = new FxTaskExecutor(gate);
    private final ThemeSetting theme = new ThemeSetting();
    private final SignInService signInService = new SignInService();
    private Stage stage;
    private Session session;
    private ShellViewModel shell;
    private ConnectionMonitor monitor;
    private dev.tower.analytics.AnalyticsSource analyticsSource;
    private dev.tower.ui.controls.SaveDialog saveDialog = dev.tower.ui.controls.SaveDialog.system();
    private SignInViewModel signInModel;
    private boolean stopped;

    public CompositionRoot(AppConfig config) {
        this.config = config;
    }

    /** Builds the window on {@code stage} and shows the sign-in screen. Call on the FX thread. */
    public void start(Stage stage) {
        this.stage = stage;
        Themes.follow(theme);
        Scene scene = new Scene(signInView(), 1180, 760);
        Themes.style(scene);
        stage.setScene(scene);
        stage.setTitle("Tower");
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        addIcons(stage);
        stage.show();
        StartupTimings.signInWindowShown();
        SmokeSignIn.begin(signInModel); // tower --smoke-sign-in only
    }

    /** Where exports are saved: the system's save dialog unless replaced (headless UI tests have none). */
    public void useSaveDialog(dev.tower.ui.controls.SaveDialog dialog) {
        this.saveDialog = java.util.Objects.requireNonNull(dialog);
    }

    /** Closes the open session's connections and the workers; the window is going away. */
    public void stop() {
        stopped = true;
        stopMonitor();
        closeShell();
        closeAnalyticsSource();
        if (session != null) {
            session.close();
            session = null;
        }
        executor.close();
    }

    private SignInView signInView() {
        String embeddedUrl = config.embeddedDatabase() ? config.jdbcUrl() : null;
        String addressUrl = config.embeddedDatabase() ? null : config.jdbcUrl();
        signInModel = new SignInViewModel(signInService, executor, embeddedUrl, addressUrl, this::signedIn);
        var profiles = new dev.tower.connection.ProfileService(new dev.tower.connection.ProfileStore(config.profiles()),
                dev.tower.connection.SavedPasswords.desktopKeyring());
        return new SignInView(signInModel, new dev.tower.signin.ProfilePickerViewModel(profiles, signInModel, executor));
    }

    private void signedIn(Session newSession) {
        if (stopped) {
            newSession.close(); // the window closed while the sign-in was under way
            return;
        }
        session = newSession;
        gate.reset();
        gate.setSchemaReadOnly(newSession.schema().readOnlyReason(newSession.role()));
        monitor = new ConnectionMonitor(newSession.dataSource(), ConnectionMonitor.DEFAULT_INTERVAL,
                javafx.application.Platform::runLater, gate::setOnline).start();
        StartupTimings.signedIn();
        ShellViewModel shell = new ShellViewModel(newSession, executor, theme, this::signedOut);
        this.shell = shell;
        stage.getScene().setRoot(new ShellView(shell, sectionViews(newSession, shell)));
        javafx.application.Platform.runLater(() -> { // after the pulse that lays it out
            StartupTimings.firstScreenShown();
            SmokeSignIn.firstScreenShown();
            if (SmokeSignIn.tourAsked()) { // tower --smoke LOGIN
                new ScreenTour(shell, () -> stage.getScene().getRoot(), SmokeSignIn::visited, SmokeSignIn::toured).start();
            }
        });
    }

    private void signedOut() {
        LOG.info("{} signed out", session == null ? "?" : session.login());
        closeAnalyticsSource();
        session = null;
        stopMonitor();
        closeShell();
        gate.reset();
        stage.getScene().setRoot(signInView());
    }

    private void closeShell() {
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }

    private void stopMonitor() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
    }

    /**
     * The real view of each section that has one, for this session. Features add a line here, e.g.
     * {@code .register(Section.BOOKINGS, () -> new BookingsView(new BookingsViewModel(
     * new BookingService(session, new BookingDao(session.jdbi())), executor)))}; the rest show a placeholder.
     */
    private SectionViews sectionViews(Session session, ShellViewModel shell) {
        return new SectionViews()
                .register(Section.STAFF, () -> new StaffView(new StaffViewModel(
                        new StaffService(session), executor, session.login())))
                .register(Section.AUDIT, () -> new AuditView(new AuditViewModel(
                        new AuditService(session), executor, session.has(Permission.VERIFY_AUDIT_CHAIN),
                        java.time.ZoneId.systemDefault(), shell::open)))
                .register(Section.SETTINGS, () -> new SettingsView(new SettingsViewModel(
                        new SettingsService(session), executor)))
                .register(Section.BOOKINGS, () -> new dev.tower.booking.BookingsView(new dev.tower.booking.BookingsViewModel(
                        new dev.tower.booking.BookingService(session), session, executor),
                        new dev.tower.booking.BookingPageViewModel(new dev.tower.booking.BookingPageService(session),
                                executor, java.time.ZoneId.systemDefault())),
                        (view, id) -> {
                            var link = new dev.tower.ui.kit.Place(Section.BOOKINGS.key(), id).queryParameters();
                            if (link.isPresent()) {
                                view.showLink(link.get()); // a dashboard's click-through
                            } else {
                                view.openBooking(java.util.UUID.fromString(id));
                            }
                        })
                .register(Section.DISPUTES, () -> disputesView(session, shell),
                        (view, id) -> view.openDispute(java.util.UUID.fromString(id)))
                .register(Section.ANALYTICS, () -> analyticsView(session, shell))
                .register(Section.PROVIDERS, () -> providersView(session), (view, id) ->
                        // a funnel stage's click-through: the queue narrowed to that status (and area)
                        new dev.tower.ui.kit.Place(Section.PROVIDERS.key(), id).queryParameters().ifPresent(view::showLink))
                .register(Section.SCHEMA, () -> new MigrationsView(new MigrationsViewModel(new SchemaService(session),
                        executor, session.has(Permission.APPLY_MIGRATIONS), java.time.ZoneId.systemDefault(),
                        standing -> gate.setSchemaReadOnly(standing.readOnlyReason(session.role())))))
                .register(Section.HEALTH, () -> new HealthView(new HealthViewModel(new HealthService(session), executor,
                        java.time.ZoneId.systemDefault())))
                .register(Section.AREAS, () -> new AreasView(new AreasViewModel(
                        new AreaService(session), executor, session.has(Permission.MANAGE_SERVICE_AREAS))));
    }

    private dev.tower.dispute.DisputesView disputesView(Session session, ShellViewModel shell) {
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        dev.tower.refund.RefundService refunds = new dev.tower.refund.RefundService(session);
        dev.tower.dispute.EvidencePackService evidence = new dev.tower.dispute.EvidencePackService(session,
                new dev.tower.booking.BookingPageService(session), refunds, java.time.Clock.systemDefaultZone(), zone);
        return new dev.tower.dispute.DisputesView(new dev.tower.dispute.DisputeQueueViewModel(
                new dev.tower.dispute.DisputeService(session), refunds, evidence, executor, session.login(),
                session.has(Permission.RESOLVE_DISPUTE), session.has(Permission.ISSUE_REFUND),
                java.time.Clock.systemDefaultZone(), shell::open),
                new dev.tower.refund.ApprovalsPane(new dev.tower.refund.ApprovalsViewModel(refunds, executor,
                        session.has(Permission.APPROVE_LARGE_REFUND), session.login()), zone));
    }

    private javafx.scene.Node analyticsView(Session session, ShellViewModel shell) {
        closeAnalyticsSource();
        analyticsSource = config.replicaAddress() == null
                ? dev.tower.analytics.AnalyticsSource.primaryOnly(session)
                : dev.tower.analytics.AnalyticsSource.withReplica(session,
                        dev.tower.analytics.ReplicaAddress.parse(config.replicaAddress(), config.jdbcUrl()));
        var service = new dev.tower.analytics.AnalyticsService(session, analyticsSource);
        return new dev.tower.analytics.AnalyticsView(new dev.tower.analytics.AnalyticsViewModel(service, executor,
                java.time.Clock.systemDefaultZone(), session.has(Permission.REFRESH_ANALYTICS),
                session.has(Permission.EXPORT_ANALYTICS), session.has(Permission.VIEW_BOOKINGS),
                session.has(Permission.VIEW_PROVIDERS), shell::open),
                saveDialog);
    }

    private void closeAnalyticsSource() {
        if (analyticsSource != null) {
            analyticsSource.close();
            analyticsSource = null;
        }
    }

    private ProvidersView providersView(Session session) {
        ProviderService providers = new ProviderService(session);
        return new ProvidersView(
                new VerificationQueueViewModel(providers, executor, session.has(Permission.VERIFY_PROVIDER)),
                new ProviderPageViewModel(providers, executor, session.has(Permission.REVIEW_PROVIDER_DOCUMENTS),
                        session.has(Permission.VERIFY_PROVIDER), java.time.Clock.systemDefaultZone()),
                java.time.ZoneId.systemDefault());
    }

    private static void addIcons(Stage stage) {
        for (int size : new int[] {32, 64, 256}) {
            try (InputStream in = CompositionRoot.class.getResourceAsStream("tower-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (java.io.IOException e) {
                LOG.debug("App icon {} not loaded", size, e);
            }
        }
    }

    /** The window's gate (its sign-in flow test counts the open shell's watch of it). */
    WriteGate gate() { return gate; }
}
