package org.activationlab.ui.files;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.activationlab.training.AtomicOutput;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.ExperimentFileException;
import org.activationlab.training.RunExport;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.AppPreferences;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the File menu does, without the file choosers: open, save and export to a given path.
 * Every action reports its own problems to the user in a dialog that names the file and what is
 * wrong, and never changes the experiment when it fails. Runs on the FX thread.
 *
 * <p>It also knows whether the experiment has unsaved changes: whether what a saved file would
 * hold now (settings, data, speed, switch mode, lesson — {@link LabModel#contents()}) differs
 * from what was last opened, saved or started new. Training is not a change, and undoing back to
 * the saved state is no change either. Before New, Open and closing the window, unsaved changes
 * are offered for saving through an {@link UnsavedChangesPrompt}.
 */
public final class FileActions {

    /** The experiment's name in the prompt and the title while it has no file. */
    public static final String UNTITLED = "Untitled";
    static final String APP_TITLE = "Activation Lab";

    private final MainView view;
    private final LabModel model;
    private final AppPreferences preferences;
    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>(this, "currentFile");
    private Consumer<List<Path>> recentListener = list -> { };
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", APP_TITLE);
    /** The file text of the experiment as last opened, saved or started new. */
    private String savedText;
    /** The contents last compared with {@link #savedText}, so that a frame costs no file text. */
    private ExperimentFile.Contents checked;
    private UnsavedChangesPrompt prompt;
    private Supplier<Path> saveAsTarget = () -> null;
    /** Whether the newest close request was refused (Cancel, or a save that failed). */
    private boolean closeRefused;

    public FileActions(MainView view, AppPreferences preferences) {
        this.view = view;
        this.model = view.model();
        this.preferences = preferences;
        this.prompt = new UnsavedChangesDialog(view);
        savedText = ExperimentFile.toJson(model.contents());
        model.snapshotProperty().addListener((obs, old, now) -> refreshUnsaved());
        model.lessonIdProperty().addListener((obs, old, now) -> refreshUnsaved());
        model.switchModeProperty().addListener((obs, old, now) -> refreshUnsaved());
        model.history().versionProperty().addListener((obs, old, now) -> refreshUnsaved());
        currentFile.addListener((obs, old, now) -> refreshTitle());
        refreshUnsaved();
    }

    /** Who answers "Save changes?"; the app's dialog unless a test answers instead. */
    public void setPrompt(UnsavedChangesPrompt prompt) {
        this.prompt = prompt;
    }

    /**
     * Where Save puts an experiment that has no file yet: the Save As chooser of the File menu
     * (a test gives a path); null from it means the user cancelled.
     */
    public void setSaveAsTarget(Supplier<Path> target) {
        this.saveAsTarget = target;
    }

    /** Whether the experiment differs from the one last opened, saved or started new. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public boolean isUnsaved() {
        refreshUnsaved();
        return unsaved.get();
    }

    /**
     * The window's title: "Activation Lab" for a new experiment, "sine.json — Activation Lab"
     * for a file, and with unsaved changes "• sine.json (edited) — Activation Lab".
     */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The experiment's name as the user knows it: its file's name, or {@link #UNTITLED}. */
    public String displayName() {
        Path file = currentFile.get();
        return file == null || file.getFileName() == null ? UNTITLED : file.getFileName().toString();
    }

    private void refreshUnsaved() {
        ExperimentFile.Contents now = model.contents();
        if (!now.equals(checked)) {
            checked = now;
            unsaved.set(!ExperimentFile.toJson(now).equals(savedText));
            refreshTitle();
        }
    }

    private void refreshTitle() {
        boolean edited = unsaved.get();
        if (currentFile.get() == null && !edited) {
            title.set(APP_TITLE);
        } else {
            title.set((edited ? "\u2022 " : "") + displayName() + (edited ? " (edited)" : "") + " \u2014 " + APP_TITLE);
        }
    }

    /** What was just opened, saved or started new is the state without unsaved changes. */
    private void markSaved(ExperimentFile.Contents contents) {
        savedText = ExperimentFile.toJson(contents);
        checked = null;
        refreshUnsaved();
    }

    /**
     * Before the experiment is replaced or the window closes: with unsaved changes, asks whether
     * to save them. Save saves (Save As without a file) and goes on only if that worked.
     *
     * @return true to go on, false if the user cancelled or the save did not happen
     */
    public boolean confirmDiscard() {
        if (!isUnsaved()) {
            return true;
        }
        return switch (prompt.ask(displayName())) {
            case SAVE -> save();
            case DONT_SAVE -> true;
            case CANCEL -> false;
        };
    }

    /**
     * Asks about unsaved changes whenever {@code stage} is asked to close (its close button,
     * File ▸ Quit); Cancel keeps the window open. Only while it shows this view.
     */
    public void guardClose(Stage stage) {
        Scene scene = view.getScene();
        stage.setOnCloseRequest(e -> {
            closeRefused = false;
            if (stage.getScene() == scene && scene != null && !confirmDiscard()) {
                closeRefused = true;
                e.consume();
            }
        });
    }

    /**
     * File ▸ Quit: the window gets the close request its close button sends (which may ask about
     * unsaved changes), then hides unless the request was refused; hiding shuts the app down.
     *
     * @return whether the window was closed
     */
    public boolean quit() {
        Window w = view.getScene() == null ? null : view.getScene().getWindow();
        if (w == null) {
            return false;
        }
        closeRefused = false;
        w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
        if (closeRefused) {
            return false;
        }
        w.hide();
        return true;
    }

    /** The file last opened or saved (null for a new experiment), e.g. for the window title. */
    public ReadOnlyObjectProperty<Path> currentFileProperty() {
        return currentFile.getReadOnlyProperty();
    }

    public Path currentFile() {
        return currentFile.get();
    }

    /** Recently opened or saved files, newest first (some may no longer exist). */
    public List<Path> recentFiles() {
        List<Path> list = new ArrayList<>();
        for (String s : preferences.recentFiles()) {
            try {
                list.add(Path.of(s));
            } catch (java.nio.file.InvalidPathException e) {
                preferences.removeRecentFile(s);
            }
        }
        return list;
    }

    /** Called with the new list whenever the recent files change. */
    public void setOnRecentFilesChanged(Consumer<List<Path>> listener) {
        this.recentListener = listener;
    }

    public void clearRecentFiles() {
        preferences.clearRecentFiles();
        preferences.flush();
        recentListener.accept(recentFiles());
    }

    /**
     * Opens an experiment file and restarts with it. A file that cannot be used shows an error
     * dialog naming the problem and leaves the experiment as it was; a file with fields this
     * version does not know opens, with a notice listing what was skipped. Unsaved changes are
     * offered for saving once the file is known to open.
     *
     * @return true if the experiment was loaded
     */
    public boolean open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            boolean wasRecent = preferences.recentFiles().contains(absolute.toString());
            forgetRecent(absolute);
            error("Could not open " + name(absolute), absolute + " no longer exists (moved or deleted?)."
                    + (wasRecent ? " It was taken off the recent files." : ""));
            return false;
        }
        ExperimentFile.Opened opened;
        try {
            opened = ExperimentFile.read(absolute);
        } catch (ExperimentFileException e) {
            error("Could not open " + name(absolute), e.getMessage()
                    + "\n\nThe current experiment was not changed.");
            return false;
        } catch (RuntimeException e) {
            // Whatever else goes wrong with a file, the teacher sees a dialog, not nothing.
            error("Could not open " + name(absolute), "An unexpected problem with this file ("
                    + e.getClass().getSimpleName() + "). Please report it.\n\nThe current experiment was not changed.");
            return false;
        }
        // Asked only now: a file that cannot be opened changes nothing, so nothing is at risk.
        if (!confirmDiscard()) {
            return false;
        }
        model.load(opened.contents());
        currentFile.set(absolute);
        markSaved(opened.contents());
        remember(absolute);
        if (!opened.warnings().isEmpty()) {
            notice("Opened " + name(absolute) + " without some of its settings",
                    "This version of Activation Lab skipped what it does not know:\n\n• "
                            + String.join("\n• ", opened.warnings()));
        }
        return true;
    }

    /**
     * File ▸ New: back to the classic experiment (every setting at its default, the classic
     * data, paused at epoch 0), with no file. A lesson or race ends first, through the window's
     * mode, so nothing of it (a lesson's learning rate, the race's models) carries over.
     * Unsaved changes are offered for saving first.
     *
     * @return false if the user cancelled (nothing changed)
     */
    public boolean newExperiment() {
        if (!confirmDiscard()) {
            return false;
        }
        view.leaveMode(view.mode());
        ExperimentFile.Contents classic = ExperimentFile.Contents.of(ExperimentConfig.classic());
        model.load(classic);
        currentFile.set(null);
        markSaved(classic);
        return true;
    }

    /**
     * File ▸ Save: to the current file, or where the user chooses if there is none yet.
     *
     * @return true if the file was written
     */
    public boolean save() {
        Path file = currentFile.get() != null ? currentFile.get() : saveAsTarget.get();
        return file != null && save(file);
    }

    /**
     * Saves the experiment as it is now (atomically: a failed save leaves the old file).
     *
     * @return true if the file was written
     */
    public boolean save(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        ExperimentFile.Contents contents = model.contents();
        try {
            ExperimentFile.write(absolute, contents);
        } catch (AtomicOutput.OutputFileException e) {
            error("Could not save " + name(absolute), e.getMessage());
            return false;
        }
        currentFile.set(absolute);
        markSaved(contents);
        remember(absolute);
        return true;
    }

    /** The fit chart as a PNG, {@code scale} times its size on screen. */
    public boolean exportChartPng(double scale, Path file) {
        return exportPng(view.fitChart(), scale, file);
    }

    /** The whole window's content as a PNG, {@code scale} times its size on screen. */
    public boolean exportWindowPng(double scale, Path file) {
        return exportPng(view, scale, file);
    }

    private boolean exportPng(Node node, double scale, Path file) {
        return export(file, () -> PngExport.export(node, scale, file));
    }

    /** Per-epoch statistics of every model (CSV). */
    public boolean exportStatistics(Path file) {
        Snapshot s = model.trainer().latest();
        return export(file, () -> RunExport.writeStatisticsCsv(s, file));
    }

    /** Each model's prediction at every training point (CSV). */
    public boolean exportPredictions(Path file) {
        Snapshot s = model.trainer().latest();
        return export(file, () -> RunExport.writePredictionsCsv(s, file));
    }

    /** Every model's weights and biases (JSON). */
    public boolean exportWeights(Path file) {
        Snapshot s = model.trainer().latest();
        return export(file, () -> RunExport.writeWeightsJson(s, file));
    }

    private boolean export(Path file, Runnable write) {
        try {
            write.run();
            return true;
        } catch (AtomicOutput.OutputFileException | IllegalStateException e) {
            error("Could not export " + name(file), e.getMessage());
            return false;
        }
    }

    private void remember(Path file) {
        preferences.addRecentFile(file.toString());
        preferences.flush();
        recentListener.accept(recentFiles());
    }

    private void forgetRecent(Path file) {
        preferences.removeRecentFile(file.toString());
        preferences.flush();
        recentListener.accept(recentFiles());
    }

    private static String name(Path file) {
        Path name = file.getFileName();
        return "\u201c" + (name == null ? file : name) + "\u201d";
    }

    private void error(String header, String text) {
        Alert alert = dialog(Alert.AlertType.ERROR, header, text);
        alert.getDialogPane().getStyleClass().add("file-error");
        alert.show();
    }

    /** A notice that does not block: the experiment is already open behind it. */
    private void notice(String header, String text) {
        Alert alert = dialog(Alert.AlertType.WARNING, header, text);
        alert.initModality(Modality.NONE);
        alert.getDialogPane().getStyleClass().add("file-notice");
        alert.show();
    }

    private Alert dialog(Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type, text, ButtonType.OK);
        alert.setTitle("Activation Lab");
        alert.setHeaderText(header);
        alert.setResizable(true);
        Window owner = view.getScene() == null ? null : view.getScene().getWindow();
        if (owner != null) {
            alert.initOwner(owner);
            alert.getDialogPane().getStylesheets().setAll(view.getScene().getStylesheets());
        }
        return alert;
    }
}
