package dev.tower.signin;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import dev.tower.ui.controls.BusyOverlay;
import dev.tower.ui.controls.ErrorBanner;
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
    private final TextField loginField = new TextField();

    public SignInView(SignInViewModel viewModel) {
        this.viewModel = viewModel;
        setId("signInRoot");
        getStyleClass().add("sign-in-root");

        Card card = new Card();
        card.setId("signInCard");
        card.getStyleClass().add(Styles.ELEVATED_2);
        card.setHeader(header());
        card.setBody(form());
        card.setFooter(footer());
        card.setMaxWidth(CARD_WIDTH);
        card.setMaxHeight(USE_PREF_SIZE);

        BusyOverlay overlay = new BusyOverlay("signInProgress", card);
        overlay.bind(viewModel.busyProperty(), viewModel.busyMessageProperty());
        overlay.setMaxSize(CARD_WIDTH, USE_PREF_SIZE);

        Label note = new Label("Tower connects with your own database login and never stores your password.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox column = new VBox(16, overlay, note);
        column.setAlignment(Pos.CENTER);
        getChildren().add(column);
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

        ToggleGroup choice = new ToggleGroup();
        RadioButton embedded = new RadioButton(DatabaseAddress.EMBEDDED_LABEL);
        embedded.setId("embeddedDatabaseChoice");
        embedded.setToggleGroup(choice);
        embedded.setUserData(DatabaseChoice.EMBEDDED);
        embedded.setDisable(!viewModel.embeddedAvailable());
        RadioButton address = new RadioButton("Another database (JDBC URL)");
        address.setId("addressDatabaseChoice");
        address.setToggleGroup(choice);
        address.setUserData(DatabaseChoice.ADDRESS);
        choice.selectToggle(viewModel.databaseChoiceProperty().get() == DatabaseChoice.EMBEDDED ? embedded : address);
        choice.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                choice.selectToggle(old); // one of the two is always chosen
            } else {
                viewModel.databaseChoiceProperty().set((DatabaseChoice) now.getUserData());
            }
        });

        TextField urlField = new TextField();
        urlField.setId("databaseUrlField");
        urlField.setPromptText("jdbc:postgresql://host:5432/database");
        urlField.textProperty().bindBidirectional(viewModel.databaseUrlProperty());
        urlField.disableProperty().bind(viewModel.databaseChoiceProperty().isNotEqualTo(DatabaseChoice.ADDRESS));

        ErrorBanner error = new ErrorBanner("signInError");
        error.bind(viewModel.errorProperty());

        VBox form = new VBox(6,
                fieldLabel("Login", loginField), loginField,
                fieldLabel("Password", passwordField), passwordField,
                fieldLabel("Database", embedded), embedded, address, urlField,
                error);
        form.getStyleClass().add("sign-in-form");
        return form;
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
