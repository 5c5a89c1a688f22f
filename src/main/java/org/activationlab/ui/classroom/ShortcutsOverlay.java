package org.activationlab.ui.classroom;

import org.activationlab.ui.Shortcuts;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list of every keyboard shortcut, laid over the charts (F1 or ?), large enough to read on a
 * projector. Built from the registry each time it opens, so keys added by any feature show up.
 */
public final class ShortcutsOverlay extends StackPane {

    public static final String ACTIVATIONS = "Activation functions";
    public static final String VIEW = "Presentation and view";
    static final String GENERAL = "Training and experiment";
    private static final String ACTIVATION_PREFIX = "Switch to ";

    private final Shortcuts shortcuts;
    private final Set<String> viewDescriptions;
    private final HBox columns = new HBox();
    private final VBox panel;
    private final Label footer;

    /** One row: the keys (any of them does it) and what they do. */
    public record Row(List<String> keys, String description) {
    }

    /**
     * @param viewDescriptions descriptions of the presentation and view shortcuts, listed in
     *                         their own section
     */
    public ShortcutsOverlay(Shortcuts shortcuts, Set<String> viewDescriptions) {
        this.shortcuts = shortcuts;
        this.viewDescriptions = viewDescriptions;
        setId("shortcuts-overlay");
        getStyleClass().add("shortcuts-overlay");
        setVisible(false);
        setMinSize(0, 0);

        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("shortcuts-title");
        footer = new Label("Shift + drag on the fit chart draws an arrow.   Esc or ? closes this list.");
        footer.getStyleClass().add("shortcuts-footer");
        footer.setWrapText(true);
        columns.getStyleClass().add("shortcuts-columns");
        ScrollPane scroll = new ScrollPane(columns);
        scroll.getStyleClass().add("shortcuts-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        panel = new VBox(title, scroll, footer);
        panel.getStyleClass().add("shortcuts-panel");
        panel.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        panel.addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        getChildren().add(panel);
        StackPane.setAlignment(panel, Pos.CENTER);
        // A click beside the panel closes it, like Esc.
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> close());
    }

    public boolean isOpen() {
        return isVisible();
    }

    public void toggle() {
        if (isOpen()) {
            close();
        } else {
            open();
        }
    }

    public void open() {
        rebuild();
        setVisible(true);
    }

    public void close() {
        setVisible(false);
    }

    /**
     * The rows shown, by section, in the order the sections appear. Keys with the same
     * description share a row ("1 or Num 1"); rows whose keys read the same then share one too
     * (Esc: close this list / cancel the note / leave presentation mode).
     */
    public Map<String, List<Row>> sections() {
        Map<String, Map<String, Set<String>>> keysBySection = new LinkedHashMap<>();
        for (String section : List.of(GENERAL, VIEW, ACTIVATIONS)) {
            keysBySection.put(section, new LinkedHashMap<>());
        }
        for (Shortcuts.Shortcut s : shortcuts.all()) {
            keysBySection.get(sectionOf(s.description()))
                    .computeIfAbsent(s.description(), d -> new LinkedHashSet<>()).add(keyText(s.keys()));
        }
        Map<String, List<Row>> result = new LinkedHashMap<>();
        keysBySection.forEach((section, byDescription) -> {
            Map<List<String>, List<String>> byKeys = new LinkedHashMap<>();
            byDescription.forEach((d, keys) ->
                    byKeys.computeIfAbsent(List.copyOf(keys), k -> new ArrayList<>()).add(d));
            List<Row> rows = new ArrayList<>();
            byKeys.forEach((keys, ds) -> rows.add(new Row(keys, String.join(" / ", ds))));
            if (!rows.isEmpty()) {
                result.put(section, rows);
            }
        });
        return result;
    }

    /** Keys as a teacher reads them off the keyboard: "Ctrl =", "Num 1", "?", "Esc". */
    static String keyText(KeyCombination keys) {
        if (!(keys instanceof KeyCodeCombination k)) {
            return keys.getDisplayText();
        }
        KeyCode code = k.getCode();
        boolean questionMark = code == KeyCode.SLASH && k.getShift() == KeyCombination.ModifierValue.DOWN;
        StringBuilder text = new StringBuilder();
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN || k.getControl() == KeyCombination.ModifierValue.DOWN) {
            text.append(IS_MAC ? "Cmd " : "Ctrl ");
        }
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) {
            text.append("Alt ");
        }
        if (k.getShift() == KeyCombination.ModifierValue.DOWN && !questionMark) {
            text.append("Shift ");
        }
        return text.append(questionMark ? "?" : keyName(code)).toString();
    }

    private static final boolean IS_MAC = System.getProperty("os.name", "").startsWith("Mac");

    private static String keyName(KeyCode code) {
        if (code.isKeypadKey() && code.isDigitKey()) {
            return "Num " + code.getName().substring(code.getName().length() - 1);
        }
        return switch (code) {
            case ESCAPE -> "Esc";
            case ADD -> "Num +";
            case SUBTRACT -> "Num −";
            case MINUS -> "−";
            case EQUALS -> "=";
            case PLUS -> "+";
            case RIGHT -> "→";
            case LEFT -> "←";
            case UP -> "↑";
            case DOWN -> "↓";
            default -> code.getName();
        };
    }

    private String sectionOf(String description) {
        if (description.startsWith(ACTIVATION_PREFIX)) {
            return ACTIVATIONS;
        }
        return viewDescriptions.contains(description) ? VIEW : GENERAL;
    }

    /**
     * As many columns as fit the width (at most three), each section going to the column with
     * the fewest rows, so the list stays wide rather than tall; one column when the text is large.
     */
    private void rebuild() {
        List<VBox> boxes = new ArrayList<>();
        List<Integer> rowCounts = new ArrayList<>();
        sections().forEach((title, rows) -> {
            boxes.add(section(title, rows));
            rowCounts.add(rows.size() + 1);
        });
        // Measure the sections with the stylesheet applied (the scale sets their font).
        columns.getChildren().setAll(new VBox(boxes.toArray(new VBox[0])));
        applyCss();
        double gap = columns.getSpacing();
        // Room left beside the panel's padding and a vertical scroll bar (about 1.5 em).
        double available = getWidth() - snappedLeftInset() - snappedRightInset()
                - panel.snappedLeftInset() - panel.snappedRightInset() - 1.5 * footer.getFont().getSize();
        for (int n = Math.min(3, boxes.size()); n >= 1; n--) {
            List<VBox> cols = distribute(boxes, rowCounts, n);
            double width = gap * (n - 1);
            for (VBox c : cols) {
                width += c.getChildren().stream().mapToDouble(b -> b.prefWidth(-1)).max().orElse(0);
            }
            if (n == 1 || width <= available) {
                columns.getChildren().setAll(cols);
                return;
            }
        }
    }

    private static List<VBox> distribute(List<VBox> boxes, List<Integer> rowCounts, int n) {
        List<VBox> cols = new ArrayList<>();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            VBox column = new VBox();
            column.getStyleClass().add("shortcuts-column");
            cols.add(column);
        }
        for (int i = 0; i < boxes.size(); i++) {
            int shortest = 0;
            for (int c = 1; c < n; c++) {
                if (rows[c] < rows[shortest]) {
                    shortest = c;
                }
            }
            cols.get(shortest).getChildren().add(boxes.get(i));
            rows[shortest] += rowCounts.get(i);
        }
        return cols;
    }

    private static VBox section(String title, List<Row> rows) {
        Label heading = new Label(title);
        heading.getStyleClass().add("shortcuts-section");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts-grid");
        for (int i = 0; i < rows.size(); i++) {
            HBox keys = new HBox();
            keys.getStyleClass().add("shortcut-keys");
            for (String key : rows.get(i).keys()) {
                Label cap = new Label(key);
                cap.getStyleClass().add("shortcut-key");
                cap.setMinWidth(USE_PREF_SIZE);
                keys.getChildren().add(cap);
            }
            Label description = new Label(rows.get(i).description());
            description.getStyleClass().add("shortcut-description");
            description.setWrapText(true);
            grid.addRow(i, keys, description);
        }
        return new VBox(heading, grid);
    }
}
