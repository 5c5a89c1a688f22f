package org.activationlab.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;

/**
 * Undo and redo of the model's {@link UndoHistory} from the keyboard (Ctrl+Z; Ctrl+Shift+Z or
 * Ctrl+Y) and as menu actions whose text names the edit ("Undo learning rate"). A focused text
 * field keeps these keys for its own text.
 */
public final class UndoActions {

    static final String UNDO = "Undo the last change (data, note, setting)";
    static final String REDO = "Redo what was undone";
    static final KeyCombination UNDO_KEY = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REDO_KEY = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    static final KeyCombination REDO_KEY_2 = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private final UndoHistory history;
    private final List<MenuAction> actions;

    public UndoActions(MainView view) {
        history = view.model().history();
        java.util.function.BooleanSupplier notTyping = () -> view.getScene() == null
                || !(view.getScene().getFocusOwner() instanceof TextInputControl);
        view.shortcuts().add(UNDO_KEY, UNDO, notTyping, history::undo);
        view.shortcuts().add(REDO_KEY, REDO, notTyping, history::redo);
        view.shortcuts().add(REDO_KEY_2, REDO, notTyping, history::redo);
        actions = List.of(
                new MenuAction("menu-undo", Bindings.createStringBinding(() -> history.canUndoProperty().get()
                        ? "Undo " + history.undoNameProperty().get() : "Undo", history.undoNameProperty(),
                        history.canUndoProperty()), List.of(UNDO_KEY), history::undo, history.canUndoProperty(), null),
                new MenuAction("menu-redo", Bindings.createStringBinding(() -> history.canRedoProperty().get()
                        ? "Redo " + history.redoNameProperty().get() : "Redo", history.redoNameProperty(),
                        history.canRedoProperty()), List.of(REDO_KEY, REDO_KEY_2), history::redo,
                        history.canRedoProperty(), null));
    }

    /** Undo and Redo, for the shell to place (Edit or Experiment menu); keys registered already. */
    public List<MenuAction> actions() {
        return actions;
    }
}
