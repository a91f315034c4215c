package dev.tower.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.BusyOverlay;
import dev.tower.ui.controls.ErrorBanner;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/**
 * The signed-in window: sidebar with the role's sections, a header that always shows who is signed
 * in, and the open section's view (a registered one, else a {@link PlaceholderView}).
 */
public final class ShellView extends BorderPane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final ShellViewModel viewModel;
    private final SectionViews sectionViews;
    private final Map<Section, Node> openedViews = new EnumMap<>(Section.class);
    private final Map<Section, Button> navButtons = new EnumMap<>(Section.class);
    private final StackPane content = new StackPane();
    private final Label sectionTitle = new Label();

    public ShellView(ShellViewModel viewModel, SectionViews sectionViews) {
        this.viewModel = viewModel;
        this.sectionViews = sectionViews;
        setId("shellRoot");
        getStyleClass().add("shell-root");

        content.setId("sectionContent");
        content.getStyleClass().add("section-content");
        ErrorBanner error = new ErrorBanner("shellError");
        error.bind(viewModel.errorProperty());
        VBox main = new VBox(header(), connectionBanner(), readOnlyBanner(), error, content);
        VBox.setVgrow(content, Priority.ALWAYS);

        BusyOverlay overlay = new BusyOverlay("shellProgress", main);
        overlay.bind(viewModel.busyProperty(), viewModel.busyMessageProperty());
        setLeft(sidebar());
        setCenter(overlay);

        viewModel.placeProperty().addListener((obs, old, now) -> show());
        // back from a lost connection: take the open screen off and put it back, so it loads again and the
        // open record is read again (what is shown may have changed while Tower could not see it)
        viewModel.reconnectionsProperty().addListener((obs, old, now) -> {
            content.getChildren().clear();
            show();
        });
        show();
    }

    private HBox connectionBanner() {
        Label text = new Label();
        text.setId("connectionBannerText");
        text.textProperty().bind(viewModel.connectionBannerProperty());
        text.setWrapText(true);
        text.setGraphic(new FontIcon(Feather.WIFI_OFF));
        HBox banner = new HBox(text);
        banner.setId("connectionBanner");
        banner.getStyleClass().add("connection-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(viewModel.connectionBannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox readOnlyBanner() {
        Label text = new Label();
        text.setId("readOnlyBannerText");
        text.textProperty().bind(viewModel.readOnlyBannerProperty());
        text.setWrapText(true);
        text.setGraphic(new FontIcon(Feather.LOCK));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button open = new Button("Review migrations", new FontIcon(Feather.LAYERS));
        open.setId("readOnlyOpenSchema");
        open.getStyleClass().add(Styles.SMALL);
        open.setMinWidth(USE_PREF_SIZE);
        open.visibleProperty().bind(viewModel.offerMigrationProperty());
        open.managedProperty().bind(open.visibleProperty());
        open.setOnAction(e -> viewModel.openSchema());
        HBox banner = new HBox(12, text, open);
        banner.setId("readOnlyBanner");
        banner.getStyleClass().add("read-only-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(viewModel.readOnlyBannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private VBox sidebar() {
        FontIcon logo = new FontIcon(Feather.RADIO);
        logo.getStyleClass().add("brand-icon");
        Label brand = new Label("Tower");
        brand.getStyleClass().add(Styles.TITLE_3);
        HBox brandRow = new HBox(10, logo, brand);
        brandRow.setAlignment(Pos.CENTER_LEFT);
        brandRow.getStyleClass().add("sidebar-brand");

        VBox nav = new VBox(2);
        nav.setId("sidebarNav");
        for (Section section : viewModel.sections()) {
            Button item = new Button(section.title(), new FontIcon(SectionIcons.of(section)));
            item.setId("nav-" + section.key());
            item.getStyleClass().addAll("nav-item", Styles.FLAT);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setAlignment(Pos.CENTER_LEFT);
            item.setOnAction(e -> viewModel.select(section));
            navButtons.put(section, item);
            nav.getChildren().add(item);
        }

        Label database = new Label();
        database.setId("currentDatabase");
        database.textProperty().bind(viewModel.databaseLabelProperty());
        database.setGraphic(new FontIcon(Feather.DATABASE));
        database.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        database.setWrapText(true);
        database.setTooltip(new Tooltip("Connected database"));

        VBox sidebar = new VBox(16, brandRow, nav, new Spacer(Orientation.VERTICAL), database);
        sidebar.setId("sidebar");
        sidebar.getStyleClass().add("sidebar");
        return sidebar;
    }

    private HBox header() {
        sectionTitle.setId("sectionTitle");
        sectionTitle.getStyleClass().add(Styles.TITLE_3);

        Label name = new Label();
        name.setId("currentUserName");
        name.textProperty().bind(viewModel.userNameProperty());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(USE_PREF_SIZE);
        Label role = new Label();
        role.setId("currentUserRole");
        role.textProperty().bind(viewModel.roleLabelProperty());
        role.getStyleClass().add("role-badge");
        role.setMinWidth(USE_PREF_SIZE);
        HBox user = new HBox(8, new FontIcon(Feather.USER), name, role);
        user.setAlignment(Pos.CENTER_LEFT);
        user.setMinWidth(USE_PREF_SIZE);

        Button theme = new Button();
        theme.setId("themeToggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setOnAction(e -> viewModel.toggleTheme());
        viewModel.darkThemeProperty().addListener((obs, was, dark) -> themeIcon(theme, dark));
        themeIcon(theme, viewModel.darkThemeProperty().get());

        Button signOut = new Button("Sign out", new FontIcon(Feather.LOG_OUT));
        signOut.setId("signOutButton");
        signOut.getStyleClass().add(Styles.BUTTON_OUTLINED);
        signOut.disableProperty().bind(viewModel.busyProperty());
        signOut.setOnAction(e -> viewModel.signOut());
        signOut.setMinWidth(USE_PREF_SIZE);

        Button back = new Button("Back", new FontIcon(Feather.ARROW_LEFT));
        back.setId("shellBack");
        back.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        back.setTooltip(new Tooltip("Back to the previous place"));
        back.visibleProperty().bind(viewModel.canGoBack());
        back.managedProperty().bind(viewModel.canGoBack());
        back.setOnAction(e -> viewModel.back());
        back.setMinWidth(USE_PREF_SIZE);

        HBox header = new HBox(12, back, sectionTitle, new Spacer(), user, theme, signOut);
        header.setId("shellHeader");
        header.getStyleClass().add("shell-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private static void themeIcon(Button toggle, boolean dark) {
        toggle.setGraphic(new FontIcon(dark ? Feather.SUN : Feather.MOON));
        toggle.setTooltip(new Tooltip(dark ? "Switch to the light theme" : "Switch to the dark theme"));
    }

    private void show() {
        Section section = viewModel.selectedSectionProperty().get();
        show(section);
        if (section != null) {
            viewModel.placeProperty().get().record().ifPresent(id -> sectionViews.recordOpenerFor(section)
                    .ifPresent(open -> open.accept(openedViews.get(section), id)));
        }
    }

    private void show(Section section) {
        navButtons.forEach((s, button) -> button.pseudoClassStateChanged(SELECTED, s == section));
        if (section == null) {
            sectionTitle.setText("");
            content.getChildren().setAll(new Label("Your role has no sections in Tower."));
            return;
        }
        sectionTitle.setText(section.title());
        Node view = openedViews.computeIfAbsent(section, s -> sectionViews.factoryFor(s)
                .<Node>map(factory -> factory.get())
                .orElseGet(() -> new PlaceholderView(s)));
        content.getChildren().setAll(view);
    }
}
