package org.activationlab.ui.files;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.activationlab.training.AtomicOutput;
import org.activationlab.training.ExperimentFile;
import org.activationlab.ui.AnimationExport;
import org.activationlab.ui.MainView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * File ▸ Export ▸ Animation as GIF…: the epochs, frames per second, 1× or 2× and what the frames
 * show; Export… asks where to save, then the current experiment is trained again from epoch 0 on
 * a thread of its own and drawn by {@link AnimationExport} (the renderer of {@code export-gif}),
 * with a progress bar and Cancel. The GIF is written atomically: a cancelled or failed export
 * leaves no file (and an older file of that name as it was). The window stays responsive; closing
 * it cancels the export.
 */
public final class AnimationExportDialog {

    private final MainView view;
    private final Function<String, Path> chooseFile;
    private final Stage stage = new Stage();
    private final TextField from = new TextField("0");
    private final TextField to = new TextField("100");
    private final TextField fps = new TextField("20");
    private final ChoiceBox<String> scale = new ChoiceBox<>();
    private final ChoiceBox<AnimationExport.Part> part = new ChoiceBox<>();
    private final Label summary = new Label();
    private final Label error = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Button export = new Button("Export…");
    private final Button cancel = new Button("Cancel");
    private final Button close = new Button("Close");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** The newest epoch the export reached, handed to the FX thread at most once per pulse. */
    private final AtomicInteger reached = new AtomicInteger(-1);
    private Thread worker;

    /**
     * @param chooseFile asks where to save, given a suggested file name; null if the teacher
     *                   cancels (the save dialog starts in the last folder used, else home)
     */
    public AnimationExportDialog(MainView view, Function<String, Path> chooseFile) {
        this.view = view;
        this.chooseFile = chooseFile;
        scale.getItems().addAll("1×", "2× (slides)");
        scale.getSelectionModel().select(0);
        part.getItems().addAll(AnimationExport.Part.values());
        part.getSelectionModel().select(AnimationExport.Part.FIT_CHART);
        from.setId("animation-from");
        to.setId("animation-to");
        fps.setId("animation-fps");
        scale.setId("animation-scale");
        part.setId("animation-part");
        summary.setId("animation-summary");
        error.setId("animation-error");
        error.getStyleClass().add("export-error");
        error.setWrapText(true);
        progress.setId("animation-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("animation-status");
        status.setWrapText(true);
        export.setId("animation-export");
        export.setDefaultButton(true);
        cancel.setId("animation-cancel");
        close.setId("animation-close");
        close.setCancelButton(true);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("export-grid");
        String[] names = {"From epoch", "To epoch", "Frames per second", "Scale", "Frames show"};
        javafx.scene.control.Control[] fields = {from, to, fps, scale, part};
        for (int i = 0; i < names.length; i++) {
            Label name = new Label(names[i]);
            // The names are short: the fields give way at a large text size, never the names.
            name.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(i, name, fields[i]);
        }
        Label note = new Label("Trained again from epoch 0 with the same seed: the same run. Epoch 0 is the "
                + "untrained start.");
        note.setWrapText(true);
        note.getStyleClass().add("export-note");
        // Wrapped texts keep every line; the dialog grows to them (sizeToScene) rather than cut them.
        for (Label l : new Label[]{summary, note, error, status}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox buttons = new HBox(gap, export, cancel, close);
        buttons.getStyleClass().add("export-buttons");
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(grid, summary, note, error, progress, status, buttons);
        root.setId("animation-export-dialog");
        root.getStyleClass().add("export-dialog");

        for (TextField f : new TextField[]{from, to, fps}) {
            f.textProperty().addListener((obs, old, now) -> validate());
        }
        scale.valueProperty().addListener((obs, old, now) -> validate());
        part.valueProperty().addListener((obs, old, now) -> validate());
        export.setOnAction(e -> chooseAndStart());
        cancel.setOnAction(e -> cancel());
        close.setOnAction(e -> stage.hide());
        stage.setOnCloseRequest(e -> cancel());

        stage.setTitle("Export animation as GIF");
        Scene scene = new Scene(root);
        stage.setScene(scene);
        running(false);
        validate();
    }

    /** Shows the dialog over the window, set to the experiment's epoch limit. */
    public void show() {
        Window owner = view.getScene() == null ? null : view.getScene().getWindow();
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            // The window closing ends the export too: no thread outlives the window.
            owner.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> cancel());
        }
        if (view.getScene() != null) {
            stage.getScene().getStylesheets().setAll(view.getScene().getStylesheets());
            // The window's text size (its scale-N class) and theme apply here too.
            var classes = stage.getScene().getRoot().getStyleClass();
            classes.removeIf(c -> c.startsWith("scale-"));
            view.getScene().getRoot().getStyleClass().stream().filter(c -> c.startsWith("scale-")).forEach(classes::add);
        }
        if (!isRunning()) {
            int limit = view.model().config().epochLimit();
            to.setText(Integer.toString(limit > 0 ? Math.min(limit, AnimationSettings.MAX_EPOCH) : 100));
            status.setText("");
            progress.setProgress(0);
        }
        stage.show();
        if (owner != null) {
            // A large text size would make the dialog wider than the window it belongs to.
            stage.setWidth(Math.min(stage.getWidth(), owner.getWidth()));
        }
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** The settings as typed, or null (and the reason shown) if they cannot be used. */
    AnimationSettings validate() {
        try {
            AnimationSettings s = AnimationSettings.parse(from.getText(), to.getText(), fps.getText(),
                    scale.getSelectionModel().getSelectedIndex() == 1 ? 2 : 1, part.getValue());
            error.setText("");
            int[] size = pixels(s);
            summary.setText(s.summary() + ", " + size[0] + " × " + size[1] + " pixels");
            export.setDisable(isRunning());
            return s;
        } catch (AnimationSettings.Invalid e) {
            error.setText(e.getMessage());
            summary.setText("");
            export.setDisable(true);
            return null;
        }
    }

    /** Each frame's size: the part's size in the window now, times the scale. */
    private int[] pixels(AnimationSettings s) {
        double[] points = points(s.part());
        return new int[]{(int) Math.round(points[0] * s.scale()), (int) Math.round(points[1] * s.scale())};
    }

    private double[] points(AnimationExport.Part p) {
        Region fit = view.fitChart();
        Region loss = view.lossChart();
        double w = Math.max(320, fit.getWidth());
        double h = Math.max(200, fit.getHeight());
        return switch (p) {
            case FIT_CHART -> new double[]{w, h};
            case FIT_AND_LOSS -> new double[]{w, h + Math.max(120, loss.getHeight())};
            case WINDOW -> new double[]{Math.max(640, view.getWidth()), Math.max(400, view.getHeight())};
        };
    }

    private void chooseAndStart() {
        AnimationSettings s = validate();
        if (s == null || isRunning()) {
            return;
        }
        Path file = chooseFile.apply("epochs-" + s.from() + "-" + s.to() + ".gif");
        if (file != null) {
            start(file);
        }
    }

    /** Starts writing the GIF to {@code file} with the settings shown; false if they are not valid. */
    boolean start(Path file) {
        AnimationSettings s = validate();
        if (s == null || isRunning()) {
            return false;
        }
        ExperimentFile.Contents contents = view.model().contents();
        double[] size = points(s.part());
        cancelled.set(false);
        reached.set(-1);
        progress.setProgress(0);
        status.setText("Training and drawing epoch 0 of " + s.to() + "…");
        status.getStyleClass().remove("export-done");
        error.setText("");
        running(true);
        String name = String.valueOf(file.getFileName());
        worker = new Thread(() -> run(contents, s, size, file, name), "gif-export");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    /** On the worker thread: the whole export, then one report to the FX thread. */
    private void run(ExperimentFile.Contents contents, AnimationSettings s, double[] size, Path file, String name) {
        String outcome;
        boolean failed = false;
        try (AtomicOutput out = AtomicOutput.open(file, name)) {
            AnimationExport.Result r = AnimationExport.write(contents, s.from(), s.to(), s.part(), size[0], size[1],
                    s.scale(), s.fps(), out.stream(), this::reached, cancelled::get);
            if (r.cancelled()) {
                outcome = "Cancelled: no file written.";
            } else {
                out.commit();
                outcome = String.format(Locale.ROOT, "Wrote %s: %d frames of %d × %d pixels, %d KB.", name,
                        r.frames(), r.width(), r.height(), Files.size(file) / 1024);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "Cancelled: no file written.";
        } catch (AtomicOutput.OutputFileException e) {
            failed = true;
            outcome = "Could not export: " + e.getMessage();
        } catch (Exception | OutOfMemoryError e) {
            failed = true;
            outcome = "Could not export " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
        }
        String message = outcome;
        boolean error = failed;
        Platform.runLater(() -> finished(message, error, s));
    }

    /** Called by the worker after each epoch: the bar follows at most once per frame. */
    private void reached(int epoch) {
        if (reached.getAndSet(epoch) < 0) {
            Platform.runLater(this::showProgress);
        }
    }

    private void showProgress() {
        int epoch = reached.getAndSet(-1);
        if (epoch < 0 || !isRunning()) {
            return;
        }
        int total = Math.max(1, parsedTo());
        progress.setProgress(Math.min(1, epoch / (double) total));
        status.setText("Training and drawing epoch " + epoch + " of " + total + "…");
    }

    private int parsedTo() {
        try {
            return Integer.parseInt(to.getText().strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void finished(String message, boolean failed, AnimationSettings s) {
        worker = null;
        running(false);
        validate();
        if (failed) {
            error.setText(message);
            status.setText("");
            progress.setProgress(0);
        } else {
            status.setText(message);
            if (!message.startsWith("Cancelled")) {
                progress.setProgress(1);
                status.getStyleClass().add("export-done");
            } else {
                progress.setProgress(0);
            }
        }
        fit();
    }

    /** Stops a running export at the next epoch; its partial file is deleted. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isRunning() {
        return worker != null;
    }

    private void running(boolean on) {
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[]{from, to, fps, scale, part}) {
            c.setDisable(on);
        }
        export.setDisable(on);
        cancel.setDisable(!on);
        progress.setVisible(on || progress.getProgress() > 0);
        fit();
    }

    /** The dialog's height follows its wrapped texts (a status or an error line appearing). */
    private void fit() {
        if (stage.isShowing()) {
            Platform.runLater(stage::sizeToScene);
        }
    }

    /** The thread writing, or null (for tests). */
    Thread worker() {
        return worker;
    }
}
