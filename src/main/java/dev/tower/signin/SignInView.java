package dev.tower.signin;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.BusyOverlay;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.ErrorBanner;
import dev.tower.ui.controls.SuccessNotice;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The sign-in window's content: one card, centred. Talks to its ViewModel only. */
public final class SignInView extends StackPane {
    private static final double CARD_WIDTH = 420;

    private final SignInViewModel viewModel;
    private final ProfilePickerViewModel picker;
    private final TextField loginField = new TextField();

    public SignInView(SignInViewModel viewModel, ProfilePickerViewModel picker) {
        this.viewModel = viewModel;
        this.picker = picker;
        setId("signInRoot");
        getStyleClass().add("sign-in-root");

        Card card = new Card();
        card.setId("signInCard");
        card.getStyleClass().add(Styles.ELEVATED_2);
        card.setHeader(header());
        VBox signInForm = form();
        Node editor = ProfileEditor.of(picker);
        Button signIn = footer();
        HBox editorActions = ProfileEditor.actions(picker);
        // while a profile is edited the card shows its form instead of the sign-in fields
        signInForm.visibleProperty().bind(picker.editingProperty().not());
        signIn.visibleProperty().bind(picker.editingProperty().not());
        editor.visibleProperty().bind(picker.editingProperty());
        editorActions.visibleProperty().bind(picker.editingProperty());
        for (Node n : new Node[] {signInForm, signIn, editor, editorActions}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        SuccessNotice notice = new SuccessNotice("profileNotice");
        notice.bind(picker.state().noticeProperty());
        card.setBody(new VBox(8, notice, signInForm, editor));
        card.setFooter(new VBox(signIn, editorActions));
        card.setMaxWidth(CARD_WIDTH);
        // not USE_PREF_SIZE: that is the height for no particular width, one line short of a wrapped error,
        // which pushed the Sign in button out of the card; the column gives the card its height at its width
        card.setMaxHeight(Double.MAX_VALUE);

        BusyOverlay overlay = new BusyOverlay("signInProgress", card);
        overlay.bind(viewModel.busyProperty(), viewModel.busyMessageProperty());
        overlay.setMaxWidth(CARD_WIDTH);

        Label note = new Label("Tower connects with your own database login and never stores your password.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox column = new VBox(16, overlay, note);
        column.setAlignment(Pos.CENTER);
        column.setFillWidth(false);
        // a small window scrolls the card rather than clipping it
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().addAll(Styles.FLAT, "form-panel");
        getChildren().add(scroll);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                Platform.runLater(loginField::requestFocus);
            }
        });
    }

    private HBox header() {
        FontIcon logo = new FontIcon(Feather.RADIO);
        logo.getStyleClass().add("brand-icon");
        Label title = new Label("Tower");
        title.setId("signInTitle");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Marketplace operations console");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(12, logo, new VBox(2, title, subtitle));
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private VBox form() {
        loginField.setId("loginField");
        loginField.setPromptText("your database login");
        loginField.textProperty().bindBidirectional(viewModel.loginProperty());

        PasswordField passwordField = new PasswordField();
        passwordField.setId("passwordField");
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());

        Label passwordSource = new Label();
        passwordSource.setId("passwordSource");
        passwordSource.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        passwordSource.textProperty().bind(picker.passwordSourceProperty());
        passwordSource.visibleProperty().bind(picker.passwordSourceProperty().isNotEmpty());
        passwordSource.managedProperty().bind(passwordSource.visibleProperty());

        VBox choices = new VBox(6);
        choices.setId("databaseChoices");
        ToggleGroup group = new ToggleGroup();
        Runnable rebuild = () -> {
            group.getToggles().clear();
            choices.getChildren().setAll(picker.choices().stream().map(c -> choiceButton(c, group)).toList());
            group.getToggles().stream().filter(t -> t.getUserData().equals(picker.selectedProperty().get()))
                    .findFirst().ifPresent(group::selectToggle);
        };
        picker.choices().addListener((javafx.collections.ListChangeListener<ProfilePickerViewModel.Choice>) ch -> rebuild.run());
        picker.selectedProperty().addListener((obs, old, now) -> group.getToggles().stream()
                .filter(t -> t.getUserData().equals(now)).findFirst().ifPresent(group::selectToggle));
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                if (old != null && group.getToggles().contains(old)) {
                    group.selectToggle(old); // one of them is always chosen
                }
            } else if (!now.getUserData().equals(picker.selectedProperty().get())) {
                picker.selectedProperty().set((ProfilePickerViewModel.Choice) now.getUserData());
            }
        });
        rebuild.run();

        TextField urlField = new TextField();
        urlField.setId("databaseUrlField");
        urlField.setPromptText("jdbc:postgresql://host:5432/database");
        urlField.textProperty().bindBidirectional(viewModel.databaseUrlProperty());
        // a profile fills the address in: shown, but changed by editing the profile
        urlField.disableProperty().bind(viewModel.databaseChoiceProperty().isNotEqualTo(DatabaseChoice.ADDRESS));

        ErrorBanner error = new ErrorBanner("signInError");
        error.bind(viewModel.errorProperty());

        VBox form = new VBox(6,
                fieldLabel("Login", loginField), loginField,
                fieldLabel("Password", passwordField), passwordField,
                passwordSource,
                fieldLabel("Database", choices), choices, urlField, profileTools(),
                error);
        form.getStyleClass().add("sign-in-form");
        return form;
    }

    private HBox profileTools() {
        HBox tools = new HBox(6,
                Buttons.of("newProfileButton", picker.newProfile(), Feather.PLUS),
                Buttons.of("supabaseProfileButton", picker.supabasePreset(), Feather.CLOUD),
                Buttons.of("editProfileButton", picker.edit(), Feather.EDIT_2));
        tools.getChildren().forEach(b -> b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT));
        tools.setAlignment(Pos.CENTER_LEFT);
        return tools;
    }

    private static RadioButton choiceButton(ProfilePickerViewModel.Choice choice, ToggleGroup group) {
        RadioButton button = new RadioButton(choice.label());
        button.setId(choice.id());
        button.setUserData(choice);
        button.setToggleGroup(group);
        button.setWrapText(true);
        return button;
    }

    private Button footer() {
        Button signIn = new Button("Sign in", new FontIcon(Feather.LOG_IN));
        signIn.setId("signInButton");
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.setDefaultButton(true);
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.disableProperty().bind(viewModel.canSignInProperty().not());
        signIn.setOnAction(e -> viewModel.signIn());
        return signIn;
    }

    private static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.getStyleClass().addAll(Styles.TEXT_BOLD, "field-label");
        return label;
    }
}
