package org.activationlab.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds what a user would see as broken layout in a shown scene: text cut short (an ellipsis, or
 * wider than its box) and nodes that stick out of their parent. It walks the app's own nodes and
 * the content of scroll panes and tabs, not the inside of controls' skins (a slider's thumb may
 * overhang its track by design).
 */
public final class LayoutProbe {

    /** Half a pixel and rounding: layout snaps to pixels. */
    private static final double TOLERANCE = 1.0;

    private LayoutProbe() {
    }

    /** The text a {@link Labeled} actually shows (with an ellipsis if its skin had to cut it). */
    public static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text) {
                return text.getText();
            }
        }
        return labeled.getText();
    }

    /** Every problem under {@code root}, one line each; empty when the layout is sound. Call on the FX thread. */
    public static List<String> problems(Parent root) {
        List<String> problems = new ArrayList<>();
        walk(root, problems);
        return problems;
    }

    private static void walk(Node node, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            checkLabeled(labeled, problems);
        }
        for (Node child : childrenToCheck(node)) {
            if (!child.isVisible() || !child.isManaged()) {
                continue;
            }
            if (!(node instanceof ScrollPane)) {
                checkInside(child, node, problems);
            }
            walk(child, problems);
        }
    }

    /** Our own children; for controls only the content they host (not their skin's parts). */
    private static List<Node> childrenToCheck(Node node) {
        if (node instanceof ScrollPane scroll) {
            return scroll.getContent() == null ? List.of() : List.of(scroll.getContent());
        }
        if (node instanceof TabPane tabs) {
            Tab tab = tabs.getSelectionModel().getSelectedItem();
            return tab == null || tab.getContent() == null ? List.of() : List.of(tab.getContent());
        }
        if (node instanceof Control || !(node instanceof Parent parent)) {
            return List.of();
        }
        return parent.getChildrenUnmodifiable();
    }

    private static void checkLabeled(Labeled labeled, List<String> problems) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return;
        }
        String shown = shownText(labeled);
        if (!text.equals(shown)) {
            problems.add("text cut: " + describe(labeled) + " shows \"" + shown + "\" of \"" + text + "\"");
            return;
        }
        if (!labeled.isWrapText()) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text t) {
                    Bounds tb = labeled.sceneToLocal(t.localToScene(t.getLayoutBounds()));
                    Bounds lb = labeled.getLayoutBounds();
                    if (tb.getMaxX() > lb.getMaxX() + TOLERANCE || tb.getMinX() < lb.getMinX() - TOLERANCE) {
                        problems.add("text wider than its box: " + describe(labeled) + " text "
                                + (int) tb.getWidth() + " px in " + (int) lb.getWidth() + " px");
                    }
                }
            }
        }
    }

    private static void checkInside(Node child, Node parent, List<String> problems) {
        Bounds c = child.localToScene(child.getLayoutBounds());
        Bounds p = parent.localToScene(parent.getLayoutBounds());
        if (c.getWidth() <= 0 && c.getHeight() <= 0) {
            return;
        }
        if (c.getMinX() < p.getMinX() - TOLERANCE || c.getMaxX() > p.getMaxX() + TOLERANCE
                || c.getMinY() < p.getMinY() - TOLERANCE || c.getMaxY() > p.getMaxY() + TOLERANCE) {
            problems.add("overflows its parent: " + describe(child) + " " + format(c) + " in "
                    + describe(parent) + " " + format(p));
        }
    }

    public static String describe(Node node) {
        StringBuilder sb = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            sb.append('#').append(node.getId());
        }
        for (String c : node.getStyleClass()) {
            sb.append('.').append(c);
        }
        if (node instanceof Labeled l && l.getText() != null) {
            String t = l.getText();
            sb.append(" \"").append(t.length() > 40 ? t.substring(0, 40) + "…" : t).append('"');
        }
        return sb.toString();
    }

    private static String format(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(),
                b.getWidth(), b.getHeight());
    }
}
