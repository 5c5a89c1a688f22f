package org.activationlab.ui.files;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.activationlab.ui.MainView;

import java.util.Optional;

/**
 * "Save changes to “sine.json”?" with Save, Don't Save and Cancel, in front of the window and in
 * its theme. Esc and the dialog's close button mean Cancel: nothing is lost by backing out.
 */
public final class UnsavedChangesDialog implements UnsavedChangesPrompt {

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DONT_SAVE = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final MainView view;

    public UnsavedChangesDialog(MainView view) {
        this.view = view;
    }

    /** The dialog for {@code name}, not shown yet. */
    Alert dialog(String name) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Your changes to the experiment (settings, data) are lost if you don't save them.",
                SAVE, DONT_SAVE, CANCEL);
        alert.setTitle("Activation Lab");
        alert.setHeaderText(header(name));
        alert.setResizable(true);
        alert.getDialogPane().getStyleClass().add("unsaved-changes");
        alert.getDialogPane().setId("unsaved-changes");
        ((Button) alert.getDialogPane().lookupButton(SAVE)).setDefaultButton(true);
        Window owner = view.getScene() == null ? null : view.getScene().getWindow();
        if (owner != null) {
            alert.initOwner(owner);
            alert.getDialogPane().getStylesheets().setAll(view.getScene().getStylesheets());
        }
        return alert;
    }

    static String header(String name) {
        return FileActions.UNTITLED.equals(name) ? "Save changes to the untitled experiment?"
                : "Save changes to \u201c" + name + "\u201d?";
    }

    @Override
    public Choice ask(String name) {
        Optional<ButtonType> answer = dialog(name).showAndWait();
        if (answer.isEmpty() || answer.get() == CANCEL) {
            return Choice.CANCEL;
        }
        return answer.get() == SAVE ? Choice.SAVE : Choice.DONT_SAVE;
    }
}
