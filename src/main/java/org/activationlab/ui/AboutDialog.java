package org.activationlab.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Modality;

import java.util.List;

/**
 * Help ▸ About: the app's name, its version (from the jar's manifest, which the build fills from
 * the pom; "development build" when run from classes) and the licences of the bundled libraries.
 */
public final class AboutDialog {

    public static final String NAME = "Activation Lab";
    public static final String DEVELOPMENT = "development build";

    /** The libraries inside the jar, with their licences. */
    public static final List<String> LICENCES = List.of(
            "OpenJFX (JavaFX) — GPL v2 with the Classpath Exception",
            "EJML — Apache License 2.0",
            "picocli — Apache License 2.0",
            "Gson — Apache License 2.0");

    private AboutDialog() {
    }

    /** Adds Help ▸ About to the window's menu. */
    public static MenuItem install(MainView view) {
        MenuItem about = new MenuItem("About " + NAME);
        about.setId("menu-about");
        about.setOnAction(e -> show(view));
        view.addMenuItems("Help", "about", about);
        return about;
    }

    /** The version in the jar's manifest, or {@link #DEVELOPMENT}. */
    public static String version() {
        return versionOf(AboutDialog.class.getPackage().getImplementationVersion());
    }

    static String versionOf(String manifestVersion) {
        return manifestVersion == null || manifestVersion.isBlank() ? DEVELOPMENT : manifestVersion;
    }

    /** What the dialog says. */
    public static String text(String version) {
        return NAME + "\nVersion " + version + "\n\n"
                + "Bundled libraries and their licences:\n• " + String.join("\n• ", LICENCES);
    }

    /** The dialog, not yet shown (tests look at it without blocking). */
    public static Alert dialog(MainView view) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.OK);
        alert.setTitle("About " + NAME);
        alert.setHeaderText(NAME + " " + version());
        TextArea body = new TextArea(text(version()));
        body.setId("about-text");
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefRowCount((int) body.getText().lines().count() + 1); // every line, no scroll bar
        alert.getDialogPane().setContent(body);
        alert.initModality(Modality.WINDOW_MODAL);
        if (view.getScene() != null && view.getScene().getWindow() != null) {
            alert.initOwner(view.getScene().getWindow());
        }
        return alert;
    }

    private static void show(MainView view) {
        dialog(view).show();
    }
}
