package dev.tower.signin;

import atlantafx.base.theme.Styles;
import dev.tower.connection.ConnectionProfile.TlsMode;
import dev.tower.ui.controls.Buttons;
import dev.tower.ui.controls.ErrorBanner;
import dev.tower.ui.controls.FormPanel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/**
 * The sign-in card's profile form, shown in place of the sign-in fields while a profile is added or
 * edited. Renders {@link ProfilePickerViewModel}'s editor fields and commands; ids start with {@code profile}.
 */
final class ProfileEditor {
    private ProfileEditor() {}

    static FormPanel of(ProfilePickerViewModel picker) {
        FormPanel form = new FormPanel("profileEditor", "Connection profile");
        form.note("Saved in Tower's folder without any password.");
        Label hint = new Label();
        hint.setId("profileHint");
        hint.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.textProperty().bind(picker.hintProperty());
        hint.visibleProperty().bind(picker.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        form.add(hint);
        form.text("profileNameField", picker.name());
        form.text("profileHostField", picker.host());
        form.text("profilePortField", picker.port());
        form.text("profileDatabaseField", picker.database());
        form.text("profileLoginField", picker.login());

        ComboBox<TlsMode> tls = new ComboBox<>();
        tls.setId("profileTlsChoice");
        tls.getItems().setAll(TlsMode.values());
        tls.valueProperty().bindBidirectional(picker.tlsProperty());
        tls.setMaxWidth(Double.MAX_VALUE);
        tls.setConverter(new javafx.util.StringConverter<>() { // people know these by libpq's sslmode names
            @Override
            public String toString(TlsMode mode) { return mode == null ? "" : mode.sslmode(); }

            @Override
            public TlsMode fromString(String text) { return null; }
        });
        form.labelled("TLS (sslmode)", tls);
        form.text("profileCaField", picker.caCertificate()).setPromptText("path of the CA certificate (verify-full)");
        form.text("profileReplicaField", picker.readReplica()).setPromptText("optional, for the analytics screens");


        PasswordField keep = new PasswordField();
        keep.setId("profileKeyringPasswordField");
        keep.setPromptText("leave empty to be asked at each sign-in");
        keep.textProperty().bindBidirectional(picker.keyringPasswordProperty());
        keep.visibleProperty().bind(picker.keyringAvailableProperty());
        keep.managedProperty().bind(keep.visibleProperty());
        Label keepLabel = new Label("Keep a password in the desktop keyring");
        keepLabel.setLabelFor(keep);
        keepLabel.getStyleClass().addAll(Styles.TEXT_BOLD, "field-label");
        keepLabel.visibleProperty().bind(keep.visibleProperty());
        keepLabel.managedProperty().bind(keep.visibleProperty());
        form.add(keepLabel, keep);

        ErrorBanner error = new ErrorBanner("profileError");
        error.bind(picker.state().errorProperty());
        form.add(error);
        return form;
    }

    /** Save, Delete, Cancel: in the card's footer, so a form that scrolls never hides them. */
    static HBox actions(ProfilePickerViewModel picker) {
        HBox actions = new HBox(8, Buttons.accent("saveProfileButton", picker.save(), Feather.SAVE),
                Buttons.of("deleteProfileButton", picker.delete(), Feather.TRASH_2),
                Buttons.of("cancelProfileButton", picker.cancel(), null));
        actions.setId("profileActions");
        return actions;
    }
}
