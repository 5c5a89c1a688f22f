package org.activationlab.ui.classroom;

import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * A short message over the charts that fades away by itself ("Esc leaves presentation mode",
 * "Text 150 %"). Timed with animations on the FX thread, never a thread of its own.
 */
public final class Toast extends Label {

    static final Duration SHOWN = Duration.seconds(2);
    private final SequentialTransition fade;

    public Toast() {
        setId("toast");
        getStyleClass().add("toast");
        setMouseTransparent(true);
        setVisible(false);
        setWrapText(true);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.BOTTOM_CENTER);
        FadeTransition out = new FadeTransition(Duration.millis(400), this);
        out.setToValue(0);
        fade = new SequentialTransition(new PauseTransition(SHOWN), out);
        fade.setOnFinished(e -> setVisible(false));
    }

    /** Shows {@code message}, replacing any message still showing. */
    public void show(String message) {
        setText(message);
        setOpacity(1);
        setVisible(true);
        fade.playFromStart();
    }
}
