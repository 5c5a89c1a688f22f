package org.activationlab.ui.classroom;

import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.activationlab.ui.MainView;

/**
 * Presentation mode for the projector: full screen, the menu bar, control bar, gallery and
 * status bar collapsed so the charts take the space, and a slim bar that appears while the mouse
 * moves and hides again (with the pointer) after {@link #IDLE} without movement.
 *
 * <p>JavaFX's own full-screen hint and exit key are switched off: Esc is a registered shortcut
 * that acts only in this mode, and our toast says so.
 */
public final class PresentationMode {

    public static final Duration IDLE = Duration.seconds(2);
    static final String EXIT_MESSAGE = "Esc leaves presentation mode";

    private final MainView view;
    private final Stage stage;
    private final PresentationBar bar;
    private final Toast toast;
    private final PauseTransition idle = new PauseTransition(IDLE);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");

    /**
     * @param bar   the slim bar, already laid over the charts (hidden until the mouse moves)
     * @param toast where the "Esc leaves" message shows
     */
    public PresentationMode(MainView view, Stage stage, PresentationBar bar, Toast toast) {
        this.view = view;
        this.stage = stage;
        this.bar = bar;
        this.toast = toast;
        bar.setVisible(false);
        idle.setOnFinished(e -> hideBarUnlessHovered());
        Scene scene = view.getScene();
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, e -> onMouseMoved());
        scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> onMouseMoved());
        // The window manager (or a test) may end full screen on its own: leave with it.
        stage.fullScreenProperty().addListener((obs, was, now) -> {
            if (!now && isActive()) {
                leave();
            }
        });
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    public void toggle() {
        if (isActive()) {
            leave();
        } else {
            enter();
        }
    }

    public void enter() {
        if (isActive()) {
            return;
        }
        active.set(true);
        view.setPresenting(true);
        view.getStyleClass().add("presenting");
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        bar.setVisible(false);
        toast.show(EXIT_MESSAGE);
        idle.playFromStart();
    }

    public void leave() {
        if (!isActive()) {
            return;
        }
        active.set(false);
        idle.stop();
        view.setPresenting(false);
        view.getStyleClass().remove("presenting");
        bar.setVisible(false);
        showPointer();
        if (stage.isFullScreen()) {
            stage.setFullScreen(false);
        }
    }

    /** Whether the slim bar shows now. */
    public boolean isBarShowing() {
        return bar.isVisible();
    }

    private void onMouseMoved() {
        if (!isActive()) {
            return;
        }
        bar.setVisible(true);
        showPointer();
        idle.playFromStart();
    }

    private void showPointer() {
        if (view.getScene().getCursor() == Cursor.NONE) {
            view.getScene().setCursor(null);
        }
    }

    private void hideBarUnlessHovered() {
        if (!isActive()) {
            return;
        }
        if (bar.isHover()) {
            idle.playFromStart();
            return;
        }
        bar.setVisible(false);
        // An idle pointer over the charts only distracts the class.
        view.getScene().setCursor(Cursor.NONE);
    }
}
