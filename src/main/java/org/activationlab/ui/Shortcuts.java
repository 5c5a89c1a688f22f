package org.activationlab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Every keyboard shortcut of the window in one place: what the key does (for the shortcuts
 * overlay) and the action. One key filter on the scene runs them, so a focused button never
 * swallows Space; plain keys are left to a text field that has the focus.
 */
public final class Shortcuts {

    /** A shortcut: its keys, what it does, and the action. */
    public record Shortcut(KeyCombination keys, String description, Runnable action) {
        /** True for keys without Ctrl/Alt/Meta, which a text field would otherwise receive. */
        boolean isPlain() {
            return keys.getControl() == KeyCombination.ModifierValue.UP
                    && keys.getAlt() == KeyCombination.ModifierValue.UP
                    && keys.getMeta() == KeyCombination.ModifierValue.UP
                    && keys.getShortcut() == KeyCombination.ModifierValue.UP
                    && !(keys instanceof KeyCodeCombination k && isFunctionOrEscape(k.getCode()));
        }

        private static boolean isFunctionOrEscape(KeyCode code) {
            return code.isFunctionKey() || code == KeyCode.ESCAPE;
        }

        /** The keys as shown to the user, e.g. "Ctrl+S", "Space". */
        public String keysText() {
            return keys.getDisplayText();
        }
    }

    private final List<Shortcut> shortcuts = new ArrayList<>();

    /** Adds a shortcut; an earlier one for the same keys wins. */
    public void add(KeyCombination keys, String description, Runnable action) {
        shortcuts.add(new Shortcut(keys, description, action));
    }

    /**
     * Adds a shortcut that acts only while {@code when} holds (Esc leaves presentation mode only
     * in presentation mode); otherwise the key goes on to later shortcuts and to the focused control.
     */
    public void add(KeyCombination keys, String description, BooleanSupplier when, Runnable action) {
        add(keys, description, new Guarded(when, action));
    }

    /** An action that applies only in some states. */
    private record Guarded(BooleanSupplier when, Runnable action) implements Runnable {
        @Override
        public void run() {
            action.run();
        }
    }

    /** Adds a plain key without modifiers. */
    public void add(KeyCode code, String description, Runnable action) {
        add(new KeyCodeCombination(code), description, action);
    }

    public List<Shortcut> all() {
        return Collections.unmodifiableList(shortcuts);
    }

    /** Installs the key filter on the scene. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (handle(e, focusWantsKey(scene.getFocusOwner(), e))) {
                e.consume();
            }
        });
    }

    /**
     * Whether the focused control needs this key itself: anything one types into (a text field,
     * a spinner, an editable combo box — their editor is not the focus owner, the control is)
     * every plain key, so "7" in the drawer's Depth spinner is a digit and Space a space, not an
     * activation switch or Play; a slider the arrow keys, and a slider being dragged every plain
     * key. Choice boxes are left out: the toolbar's keep the focus after a
     * click, and → must still step.
     */
    static boolean focusWantsKey(Node focus, KeyEvent event) {
        if (isEditable(focus)) {
            return true;
        }
        if (focus instanceof Slider slider && slider.isValueChanging()) {
            return true;
        }
        return event.getCode().isArrowKey() && focus instanceof Slider;
    }

    /** Whether {@code focus} is a control the user types into. */
    public static boolean isEditable(Node focus) {
        return focus instanceof TextInputControl
                || focus instanceof Spinner
                || (focus instanceof ComboBox<?> combo && combo.isEditable());
    }

    /**
     * Runs the shortcut matching {@code event}; returns true if one did. A guarded shortcut
     * whose state holds comes before an unguarded one for the same keys (while the lesson
     * picker shows, 3 picks lesson 3 rather than the third activation).
     */
    boolean handle(KeyEvent event, boolean focusWantsKey) {
        Shortcut match = null;
        for (Shortcut s : shortcuts) {
            if (!s.keys().match(event)) {
                continue;
            }
            if (s.action() instanceof Guarded g) {
                if (g.when().getAsBoolean()) {
                    match = s;
                    break;
                }
            } else if (match == null) {
                match = s;
            }
        }
        if (match == null || (focusWantsKey && match.isPlain())) {
            return false;
        }
        match.action().run();
        return true;
    }
}
