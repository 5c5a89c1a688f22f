package org.activationlab.ui.files;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.activationlab.ui.MainView;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The File menu: New, Open, Open Recent, Save, Save As, Export and Quit, with file choosers in
 * front of {@link FileActions}. Its keys (Ctrl+N, Ctrl+O, Ctrl+S, Ctrl+Shift+S, Ctrl+Q) are in the window's shortcut
 * registry; the menu shows them as accelerators, which the registry's key filter pre-empts, so
 * each key acts once.
 */
public final class FileMenu {

    private static final FileChooser.ExtensionFilter EXPERIMENTS =
            new FileChooser.ExtensionFilter("Activation Lab experiments (*.json)", "*.json");
    private static final FileChooser.ExtensionFilter PNG = new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png");
    private static final FileChooser.ExtensionFilter GIF = new FileChooser.ExtensionFilter("GIF animation (*.gif)", "*.gif");
    private static final FileChooser.ExtensionFilter CSV = new FileChooser.ExtensionFilter("CSV table (*.csv)", "*.csv");
    private static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("JSON (*.json)", "*.json");
    private static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE_AS = new KeyCodeCombination(KeyCode.S,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final MainView view;
    private final FileActions actions;
    private final Menu recent = new Menu("Open Recent");
    private Path lastDirectory;
    private AnimationExportDialog animationDialog;

    public FileMenu(MainView view, FileActions actions) {
        this.view = view;
        this.actions = actions;
    }

    /** Adds the items to the window's File menu and the keys to its shortcuts. */
    public FileMenu install() {
        Menu file = view.menu("File");
        recent.setId("file-recent");
        view.addMenuItems(MainView.EXPORT, "images",
                item("export-chart-png", "Fit chart as PNG…", () -> exportPng(false, 1)),
                item("export-chart-png-2x", "Fit chart as PNG at 2× (slides)…", () -> exportPng(false, 2)),
                item("export-window-png", "Window as PNG…", () -> exportPng(true, 1)),
                item("export-window-png-2x", "Window as PNG at 2× (slides)…", () -> exportPng(true, 2)));
        view.addMenuItems(MainView.EXPORT, "animation",
                item("export-animation", "Animation as GIF…", this::exportAnimation));
        view.addMenuItems(MainView.EXPORT, "tables",
                item("export-statistics", "Run statistics as CSV…",
                        () -> export("statistics", "run", CSV, actions::exportStatistics)),
                item("export-predictions", "Predictions as CSV…",
                        () -> export("predictions", "predictions", CSV, actions::exportPredictions)),
                item("export-weights", "Weights as JSON…",
                        () -> export("weights", "weights", JSON, actions::exportWeights)));
        MenuItem newItem = item("file-new", "New", actions::newExperiment);
        newItem.setAccelerator(NEW);
        MenuItem quit = item("file-quit", "Quit", this::quit);
        quit.setAccelerator(QUIT);
        MenuItem open = item("file-open", "Open…", this::chooseAndOpen);
        open.setAccelerator(OPEN);
        MenuItem save = item("file-save", "Save", this::save);
        save.setAccelerator(SAVE);
        MenuItem saveAs = item("file-save-as", "Save As…", this::saveAs);
        saveAs.setAccelerator(SAVE_AS);
        view.addMenuItems("File", "new", newItem);
        view.addMenuItems("File", "open", open, recent);
        view.addMenuItems("File", "save", save, saveAs);
        view.addMenuItems("File", "quit", quit);
        file.addEventHandler(Menu.ON_SHOWING, e -> rebuildRecent(actions.recentFiles()));
        actions.setOnRecentFilesChanged(this::rebuildRecent);
        actions.setSaveAsTarget(this::chooseSaveAs);
        rebuildRecent(actions.recentFiles());

        view.shortcuts().add(NEW, "New: back to the classic experiment", actions::newExperiment);
        view.shortcuts().add(QUIT, "Quit (close the window)", this::quit);
        view.shortcuts().add(OPEN, "Open an experiment file", this::chooseAndOpen);
        view.shortcuts().add(SAVE, "Save the experiment", this::save);
        view.shortcuts().add(SAVE_AS, "Save the experiment as a new file", this::saveAs);
        return this;
    }

    /** The Open Recent menu, for tests. */
    Menu recentMenu() {
        return recent;
    }

    private void rebuildRecent(List<Path> files) {
        recent.getItems().clear();
        for (Path p : files) {
            boolean exists = Files.exists(p);
            MenuItem item = new MenuItem(p.getFileName() + (exists ? "" : " (not found)") + "  —  " + parentText(p));
            item.getStyleClass().add("recent-file");
            item.setMnemonicParsing(false);
            item.setDisable(!exists);
            item.setOnAction(e -> actions.open(p));
            recent.getItems().add(item);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recent.getItems().add(none);
        } else {
            recent.getItems().addAll(new SeparatorMenuItem(),
                    item("file-recent-clear", "Clear Recent Files", actions::clearRecentFiles));
        }
    }

    private static String parentText(Path p) {
        Path parent = p.getParent();
        return parent == null ? "" : parent.toString();
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter filter, String name) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        Path dir = initialDirectory();
        if (dir != null) {
            chooser.setInitialDirectory(dir.toFile());
        }
        if (name != null) {
            chooser.setInitialFileName(name);
        }
        return chooser;
    }

    /**
     * Where the open and save dialogs start: the folder last used, else the current file's, else
     * the newest recent file's, else the user's home — never the folder the app was started in.
     */
    Path initialDirectory() {
        List<Path> candidates = new java.util.ArrayList<>();
        candidates.add(lastDirectory);
        if (actions.currentFile() != null) {
            candidates.add(actions.currentFile().getParent());
        }
        if (!actions.recentFiles().isEmpty()) {
            candidates.add(actions.recentFiles().get(0).getParent());
        }
        candidates.add(Path.of(System.getProperty("user.home")));
        for (Path dir : candidates) {
            if (dir != null && Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }

    /** File ▸ Quit: as the window's close button, which asks about unsaved changes first. */
    void quit() {
        actions.quit();
    }

    private void chooseAndOpen() {
        File file = chooser("Open experiment", EXPERIMENTS, null).showOpenDialog(window());
        if (file != null) {
            lastDirectory = file.toPath().getParent();
            actions.open(file.toPath());
        }
    }

    private void save() {
        actions.save();
    }

    private void saveAs() {
        Path file = chooseSaveAs();
        if (file != null) {
            actions.save(file);
        }
    }

    /** The Save As chooser: where to save the experiment, or null if the user cancelled. */
    private Path chooseSaveAs() {
        Path current = actions.currentFile();
        String name = current == null ? "experiment.json" : current.getFileName().toString();
        return chooseSave("Save experiment", EXPERIMENTS, name, ".json");
    }

    private void exportPng(boolean window, double scale) {
        String what = window ? "window" : "fit-chart";
        String suffix = scale == 1 ? "" : "@" + (int) scale + "x";
        Path file = chooseSave("Export " + (window ? "window" : "fit chart") + " as PNG", PNG,
                baseName() + "-" + what + suffix + ".png", ".png");
        if (file != null) {
            if (window) {
                actions.exportWindowPng(scale, file);
            } else {
                actions.exportChartPng(scale, file);
            }
        }
    }

    /** File ▸ Export ▸ Animation as GIF…: one dialog per window, kept while an export runs. */
    private void exportAnimation() {
        if (animationDialog == null) {
            animationDialog = new AnimationExportDialog(view,
                    name -> chooseSave("Export animation as GIF", GIF, baseName() + "-" + name, ".gif"));
        }
        animationDialog.show();
    }

    private void export(String what, String suffix, FileChooser.ExtensionFilter filter, Predicate<Path> write) {
        String extension = filter == CSV ? ".csv" : ".json";
        Path file = chooseSave("Export " + what, filter, baseName() + "-" + suffix + extension, extension);
        if (file != null) {
            write.test(file);
        }
    }

    /** The current file's name without extension, for suggested export names. */
    private String baseName() {
        Path current = actions.currentFile();
        if (current == null) {
            return "activation-lab";
        }
        String name = current.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    /** Asks where to save; adds the extension if the user typed a name without one. */
    private Path chooseSave(String title, FileChooser.ExtensionFilter filter, String name, String extension) {
        File file = chooser(title, filter, name).showSaveDialog(window());
        if (file == null) {
            return null;
        }
        Path path = file.toPath();
        lastDirectory = path.getParent();
        String fileName = path.getFileName().toString();
        return fileName.contains(".") ? path : path.resolveSibling(fileName + extension);
    }
}
