package org.activationlab.ui.experiment;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.activationlab.training.AtomicOutput;
import org.activationlab.training.ExperimentCode;
import org.activationlab.training.ExperimentCode.Framework;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.ui.MainView;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * View ▸ As code: the current experiment as a runnable Keras and PyTorch script, one tab each,
 * with Copy (to the clipboard) and Save… The scripts are written when the dialog opens, from the
 * experiment as it is then; opening it again shows later changes.
 */
public final class ExperimentCodeDialog {

    private final MainView view;
    private final TabPane tabs = new TabPane();
    private final Map<Framework, TextArea> texts = new EnumMap<>(Framework.class);
    private final Label status = new Label();
    private Dialog<Void> dialog;

    public ExperimentCodeDialog(MainView view) {
        this.view = view;
        for (Framework f : Framework.values()) {
            TextArea text = new TextArea();
            text.setEditable(false);
            text.setWrapText(false);
            text.getStyleClass().add("code-text");
            text.setId("code-text-" + f.id());
            texts.put(f, text);
            Tab tab = new Tab(f.displayName(), text);
            tab.setClosable(false);
            tab.setId("code-tab-" + f.id());
            tabs.getTabs().add(tab);
        }
    }

    /** Adds View ▸ As code… (Ctrl+Shift+K) and returns the dialog's owner. */
    public static ExperimentCodeDialog install(MainView view) {
        ExperimentCodeDialog code = new ExperimentCodeDialog(view);
        MenuItem item = new MenuItem("As code (Keras, PyTorch)…");
        item.setId("menu-as-code");
        item.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        item.setOnAction(e -> code.show());
        view.addMenuItems("View", "code", item);
        return code;
    }

    /** Writes both scripts for the experiment as it is now. */
    public void refresh() {
        ExperimentConfig config = view.model().config();
        int epochs = ExperimentCode.epochsOf(config);
        for (Framework f : Framework.values()) {
            texts.get(f).setText(ExperimentCode.script(f, config, epochs));
        }
        status.setText("The experiment as it is now (" + epochs + " epochs). Its own random draws: "
                + "losses land near the app's, not on them.");
    }

    /** Opens the dialog (or brings it to the front) with the scripts written afresh. */
    public void show() {
        refresh();
        if (dialog == null) {
            dialog = createDialog();
        }
        if (!dialog.isShowing()) {
            dialog.show();
        }
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().getScene().getWindow().requestFocus();
        }
    }

    public boolean isShowing() {
        return dialog != null && dialog.isShowing();
    }

    public void close() {
        if (dialog != null) {
            dialog.close();
        }
    }

    /** The framework of the tab in front. */
    public Framework selected() {
        return Framework.values()[Math.max(0, tabs.getSelectionModel().getSelectedIndex())];
    }

    public void select(Framework framework) {
        tabs.getSelectionModel().select(framework.ordinal());
    }

    /** The script shown for a framework. */
    public String text(Framework framework) {
        return texts.get(framework).getText();
    }

    /** Copies the script in front to the clipboard. */
    public void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putString(text(selected()));
        Clipboard.getSystemClipboard().setContent(content);
        status.setText(selected().displayName() + " script copied to the clipboard.");
    }

    /**
     * Saves the script in front to {@code file} atomically.
     *
     * @return the error message, or null when it was saved
     */
    public String save(Path file) {
        try (AtomicOutput out = AtomicOutput.open(file, file.toString())) {
            out.println(text(selected()).stripTrailing());
            out.commit();
            status.setText("Saved " + file.getFileName() + ". Run it with: python3 " + file.getFileName());
            return null;
        } catch (AtomicOutput.OutputFileException e) {
            status.setText("Could not save: " + e.getMessage());
            return e.getMessage();
        }
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the " + selected().displayName() + " script");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Python script (*.py)", "*.py"));
        chooser.setInitialFileName(selected().defaultFileName());
        File file = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
        if (file != null) {
            Path path = file.toPath();
            String name = path.getFileName().toString();
            save(name.contains(".") ? path : path.resolveSibling(name + ".py"));
        }
    }

    private Dialog<Void> createDialog() {
        Button copy = new Button("Copy");
        copy.setId("code-copy");
        copy.setOnAction(e -> copy());
        Button save = new Button("Save…");
        save.setId("code-save");
        save.setOnAction(e -> chooseAndSave());
        copy.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.setWrapText(true);
        status.getStyleClass().add("code-status");
        HBox.setHgrow(status, Priority.SOMETIMES);
        HBox bar = new HBox(8, status, spacer, copy, save);
        bar.setPadding(new Insets(8, 0, 0, 0));
        BorderPane content = new BorderPane(tabs);
        content.setBottom(bar);
        content.getStyleClass().add("code-dialog");
        content.setPrefSize(900, 620);

        Dialog<Void> d = new Dialog<>();
        d.setTitle("Experiment as code — Activation Lab");
        d.setResizable(true);
        d.initModality(Modality.NONE);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.getDialogPane().setId("code-dialog");
        Window owner = view.getScene() == null ? null : view.getScene().getWindow();
        if (owner != null) {
            d.initOwner(owner);
            d.getDialogPane().getStylesheets().setAll(view.getScene().getStylesheets());
            if (view.getScene().getRoot() != null) {
                d.getDialogPane().getStyleClass().addAll(view.getScene().getRoot().getStyleClass().stream()
                        .filter(c -> c.startsWith("scale-")).toList());
            }
        }
        return d;
    }
}
