package org.activationlab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

import java.util.List;

/**
 * Something a feature lets the user do, for the shell to place in a menu: its id, text (fixed
 * or live, "Undo learning rate"), keys (registered as shortcuts by the feature; the first is
 * shown), the action, when it is enabled, and for a choice whether it is selected.
 *
 * @param selected null for a plain action; otherwise the item is a check item showing it
 */
public record MenuAction(String id, ObservableStringValue text, List<KeyCombination> keys, Runnable action,
                         ObservableBooleanValue enabled, ObservableBooleanValue selected) {

    /** A plain action with a fixed text. */
    public static MenuAction of(String id, String text, List<KeyCombination> keys, Runnable action) {
        return new MenuAction(id, Bindings.createStringBinding(() -> text), keys, action,
                Bindings.createBooleanBinding(() -> true), null);
    }

    /** The menu item for this action: a check item if it has a selected state. */
    public MenuItem menuItem() {
        MenuItem item;
        if (selected != null) {
            // Not bound: a click toggles the item itself; the state it shows follows the owner's.
            CheckMenuItem check = new CheckMenuItem();
            check.setSelected(selected.get());
            selected.addListener((obs, was, now) -> check.setSelected(now));
            check.setOnAction(e -> {
                action.run();
                check.setSelected(selected.get());
            });
            item = check;
        } else {
            item = new MenuItem();
        }
        item.setId(id);
        item.textProperty().bind(text);
        if (!keys.isEmpty()) {
            item.setAccelerator(keys.get(0));
        }
        item.disableProperty().bind(Bindings.not(enabled));
        if (item.getOnAction() == null) {
            item.setOnAction(e -> action.run());
        }
        return item;
    }
}
