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
     * {@link #LESSON_MAX_SHARE} of the height, and never what the fit chart needs.
     */
    private void fitLessonStrip() {
        if (!(view.getTop() instanceof javafx.scene.Parent top)) {
            return;
        }
        for (javafx.scene.Node n : top.getChildrenUnmodifiable()) {
            if (n instanceof Region strip && n.getStyleClass().contains("lesson-scroll")) {
                double others = 0;
                for (javafx.scene.Node m : top.getChildrenUnmodifiable()) {
                    if (m != strip && m instanceof Region r && r.isManaged()) {
                        others += r.getHeight();
                    }
                }
                double room = view.getHeight() - others - shownHeight(view.getBottom())
                        - chartColumn.snappedTopInset() - chartColumn.snappedBottomInset()
                        - fitChart().minHeight(-1) - besideFitChart();
                double max = Math.max(LESSON_MIN_HEIGHT, Math.min(view.getHeight() * LESSON_MAX_SHARE, room));
                if (Math.abs(strip.getMaxHeight() - max) > 0.5) {
                    strip.setMaxHeight(max);
                }
            }
        }
    }

    /** The lesson strip's share of the window's height, at most. */
    static final double LESSON_MAX_SHARE = 0.3;
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
                sum += r.minHeight(-1) + gap;
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
