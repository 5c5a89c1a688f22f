package org.activationlab.ui.files;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;
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

/**
 * What the File menu does, without the file choosers: open, save and export to a given path.
 * Every action reports its own problems to the user in a dialog that names the file and what is
 * wrong, and never changes the experiment when it fails. Runs on the FX thread.
 */
public final class FileActions {

    private final MainView view;
    private final LabModel model;
    private final AppPreferences preferences;
    private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>(this, "currentFile");
    private Consumer<List<Path>> recentListener = list -> { };

    public FileActions(MainView view, AppPreferences preferences) {
        this.view = view;
        this.model = view.model();
        this.preferences = preferences;
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
     * version does not know opens, with a notice listing what was skipped.
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
        model.load(opened.contents());
        currentFile.set(absolute);
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
     */
    public void newExperiment() {
        view.leaveMode(view.mode());
        model.load(ExperimentFile.Contents.of(ExperimentConfig.classic()));
        currentFile.set(null);
    }

    /**
     * Saves the experiment as it is now (atomically: a failed save leaves the old file).
     *
     * @return true if the file was written
     */
    public boolean save(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            ExperimentFile.write(absolute, model.contents());
        } catch (AtomicOutput.OutputFileException e) {
            error("Could not save " + name(absolute), e.getMessage());
            return false;
        }
        currentFile.set(absolute);
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
