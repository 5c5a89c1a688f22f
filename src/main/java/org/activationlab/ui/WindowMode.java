package org.activationlab.ui;

/**
 * What the window is showing: exactly one mode at a time, owned by {@link MainView}. Presentation
 * is not a mode but an overlay of any of them ({@link MainView#setPresenting}).
 */
public enum WindowMode {
    /** The fit chart, the instruments and the activation gallery: the classic experiment. */
    CHARTS(true),
    /** A lesson: its strip above the charts (or a panel of its own), the gallery beside. */
    LESSON(true),
    /** Every activation trained at once: the race grid and leaderboard, no gallery. */
    RACE(false);

    private final boolean showsGallery;

    WindowMode(boolean showsGallery) {
        this.showsGallery = showsGallery;
    }

    /** Whether the activation gallery belongs in the side column in this mode. */
    public boolean showsGallery() {
        return showsGallery;
    }
}
