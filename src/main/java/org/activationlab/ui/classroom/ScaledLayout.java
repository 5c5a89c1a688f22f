package org.activationlab.ui.classroom;

import javafx.scene.layout.Region;
import org.activationlab.ui.MainView;

/**
 * What gives way when the text grows (View ▸ Text size) or the window is small, so that the fit
 * chart keeps a usable plot (the fit chart's least plot height): first the activation gallery at
 * the side folds away (a root style class, {@value #FOLD_SIDE}, that the stylesheet acts on), then
 * the instrument strip under the chart. The lesson strip scrolls past a share of the height
 * (a scroll pane the lessons dock).
 */
public final class ScaledLayout {

    /** Below this window width, in the root font's em, the side column folds away. */
    static final double SIDE_FOLDS_BELOW_EM = 60;
    /** The root style class that folds the side column. */
    public static final String FOLD_SIDE = "fold-side";
    /** The gallery never takes more than this share of the window's width. */
    static final double SIDE_MAX_SHARE = 0.32;

    private final MainView view;
    private final Appearance appearance;
    private final Region chartColumn;

    private ScaledLayout(MainView view, Appearance appearance) {
        this.view = view;
        this.appearance = appearance;
        this.chartColumn = (Region) view.instruments().getParent();
    }

    /** Keeps {@code view} laid out for {@code appearance}'s text scale from now on. */
    public static ScaledLayout install(MainView view, Appearance appearance) {
        ScaledLayout layout = new ScaledLayout(view, appearance);
        if (view.getRight() instanceof Region gallery) {
            gallery.maxWidthProperty().bind(view.widthProperty().multiply(SIDE_MAX_SHARE));
        }
        view.widthProperty().addListener((obs, old, now) -> layout.foldSide());
        view.leftProperty().addListener((obs, old, now) -> layout.foldSide());
        appearance.scalePercentProperty().addListener((obs, old, now) -> layout.foldSide());
        layout.foldSide();
        // Measured from the window, never from the charts' column (which grows to its minimum):
        // folding the strip then changes nothing it depends on.
        view.heightProperty().addListener((obs, old, now) -> layout.foldInstruments());
        for (javafx.scene.Node bar : new javafx.scene.Node[]{view.getTop(), view.getBottom()}) {
            if (bar instanceof Region region) {
                region.heightProperty().addListener((obs, old, now) -> layout.foldInstruments());
            }
        }
        appearance.scalePercentProperty().addListener((obs, old, now) -> layout.foldInstruments());
        // The fit chart's minimum grows with its legend rows, known only once it has drawn.
        view.needsLayoutProperty().addListener((obs, was, now) -> {
            if (!now) {
                layout.fitLessonStrip();
                layout.foldInstruments();
            }
        });
        return layout;
    }

    /** Whether the side column is folded away now. */
    public boolean isSideFolded() {
        return view.getStyleClass().contains(FOLD_SIDE);
    }

    private void foldSide() {
        // An open drawer on the left takes its width from the charts too.
        double left = view.getLeft() instanceof Region drawer ? drawer.prefWidth(-1) : 0;
        double width = view.getWidth() - left;
        boolean fold = view.getWidth() > 0
                && width / Appearance.fontPixels(appearance.scalePercent()) < SIDE_FOLDS_BELOW_EM;
        if (fold != isSideFolded()) {
            if (fold) {
                view.getStyleClass().add(FOLD_SIDE);
            } else {
                view.getStyleClass().remove(FOLD_SIDE);
            }
        }
    }

    private void foldInstruments() {
        double height = view.getHeight() - view.snappedTopInset() - view.snappedBottomInset()
                - shownHeight(view.getTop()) - shownHeight(view.getBottom());
        if (height <= 0) {
            return;
        }
        Region strip = view.instruments();
        double chrome = chartColumn.snappedTopInset() + chartColumn.snappedBottomInset() + 6
                + besideFitChart();
        boolean room = height - chrome >= fitChart().minHeight(-1) + strip.getMinHeight();
        if (strip.isManaged() != room) {
            strip.setManaged(room);
            strip.setVisible(room);
        }
    }

    /**
     * The lesson strip (a scroll pane docked under the control bar) takes at most
     * {@link #LESSON_MAX_SHARE} of the height, and never what the fit chart needs. When its step
     * does not fit (a large text size in a small window), it may take up to
     * {@link #LESSON_COMPACT_SHARE}, and the window makes room in steps, one
     * per layout pass and never back while the window, the text size and the lesson stay: first
     * the lesson's text steps down to {@value #COMPACT_LESSON_PERCENT} % (root class
     * {@value #COMPACT_LESSON}), then the control bar folds to its first row and the status line
     * away ({@link MainView#setBarsFolded}), then the fit chart's text stops at 150 %
     * ({@value #COMPACT_CHART}; its plot keeps its least height). Whatever still does not fit
     * scrolls.
     */
    private void fitLessonStrip() {
        Region strip = lessonStrip();
        String situation = strip == null || view.isPresenting() ? "" : view.getWidth() + "x" + view.getHeight()
                + "@" + appearance.scalePercent();
        if (!situation.equals(lessonSituation)) {
            lessonSituation = situation;
            setCompactLevel(0);
        }
        if (strip == null) {
            return;
        }
        double others = 0;
        for (javafx.scene.Node m : ((javafx.scene.Parent) view.getTop()).getChildrenUnmodifiable()) {
            if (m != strip && m instanceof Region r && r.isManaged()) {
                others += r.getHeight();
            }
        }
        double room = view.getHeight() - others - shownHeight(view.getBottom())
                - chartColumn.snappedTopInset() - chartColumn.snappedBottomInset()
                - fitChart().minHeight(-1) - besideFitChart();
        double share = compactLevel == 0 ? LESSON_MAX_SHARE : LESSON_COMPACT_SHARE;
        double max = Math.max(LESSON_MIN_HEIGHT, Math.min(view.getHeight() * share, room));
        if (Math.abs(strip.getMaxHeight() - max) > 0.5) {
            strip.setMaxHeight(max);
        }
        if (strip.getWidth() <= 0) {
            return; // not laid out yet: its text's height is not known
        }
        // As tall as its step at its width (a scroll pane alone asks for its content's unwrapped
        // height), up to the most it may take.
        double needed = lessonHeight(strip);
        double pref = Math.min(needed, max);
        if (Math.abs(strip.getPrefHeight() - pref) > 0.5) {
            strip.setPrefHeight(pref);
        }
        if (!situation.isEmpty() && needed > max + 0.5 && compactLevel < COMPACT_LEVELS) {
            setCompactLevel(compactLevel + 1);
        }
    }

    /** The docked lesson strip, or null if no lesson (or lesson picker) is open. */
    private Region lessonStrip() {
        if (view.getTop() instanceof javafx.scene.Parent top) {
            for (javafx.scene.Node n : top.getChildrenUnmodifiable()) {
                if (n instanceof Region strip && n.getStyleClass().contains("lesson-scroll")) {
                    return strip;
                }
            }
        }
        return null;
    }

    /** The height the strip's content wants at the strip's width. */
    private static double lessonHeight(Region strip) {
        if (strip instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
            double width = pane.getWidth() - pane.snappedLeftInset() - pane.snappedRightInset();
            return pane.getContent().prefHeight(width) + pane.snappedTopInset() + pane.snappedBottomInset();
        }
        return strip.prefHeight(strip.getWidth());
    }

    private void setCompactLevel(int level) {
        compactLevel = level;
        boolean compact = level >= 1;
        if (compact != view.getStyleClass().contains(COMPACT_LESSON)) {
            if (compact) {
                view.getStyleClass().add(COMPACT_LESSON);
            } else {
                view.getStyleClass().remove(COMPACT_LESSON);
            }
        }
        if ((level >= 2) != view.barsFolded()) {
            view.setBarsFolded(level >= 2);
        }
        boolean chart = level >= 3;
        if (chart != view.getStyleClass().contains(COMPACT_CHART)) {
            if (chart) {
                view.getStyleClass().add(COMPACT_CHART);
            } else {
                view.getStyleClass().remove(COMPACT_CHART);
            }
        }
    }

    /**
     * How far the window has gone to make room for the lesson: 0 not at all, 1 smaller lesson
     * text, 2 and the bars folded, 3 and the fit chart's text at most 150 %.
     */
    public int compactLevel() {
        return compactLevel;
    }

    /** The root style class that steps the lesson strip's text down. */
    public static final String COMPACT_LESSON = "compact-lesson";
    /** The lesson strip's text size with {@link #COMPACT_LESSON}, as a text scale. */
    static final int COMPACT_LESSON_PERCENT = 150;
    /** The root style class that caps the fit chart's text at 150 %. */
    public static final String COMPACT_CHART = "compact-chart";
    private static final int COMPACT_LEVELS = 3;
    private int compactLevel;
    /** Window size and text size the compact level was found for ("" without a lesson). */
    private String lessonSituation = "";

    /** The lesson strip's share of the window's height, at most. */
    static final double LESSON_MAX_SHARE = 0.3;
    /**
     * Its share once its step did not fit: the fit chart then keeps its least plot height (its
     * minimum), the lesson what the class reads.
     */
    static final double LESSON_COMPACT_SHARE = 0.5;
    /** The lesson strip always keeps this much (it scrolls). */
    static final double LESSON_MIN_HEIGHT = 60;

    /**
     * The least height of what the charts' column holds besides the fit chart and the instrument
     * strip (the timeline under the fit chart), with the gaps: it keeps its room too.
     */
    private double besideFitChart() {
        double gap = chartColumn instanceof javafx.scene.layout.VBox box ? box.getSpacing() : 0;
        double sum = 0;
        for (javafx.scene.Node n : chartColumn.getChildrenUnmodifiable()) {
            if (n != fitChart() && n != view.instruments() && n.isManaged() && n instanceof Region r) {
                sum += Math.max(r.minHeight(-1), r.prefHeight(-1)) + gap; // laid out at its pref height
            }
        }
        return sum;
    }

    /** As a region only: the classroom knows no fit-chart internals. */
    private Region fitChart() {
        return view.fitChart();
    }

    private static double shownHeight(javafx.scene.Node bar) {
        return bar instanceof Region r && r.isManaged() ? r.getHeight() : 0;
    }
}
