package org.activationlab.ui.experiment;

import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.activationlab.engine.DataFileException;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;

import java.io.File;

/**
 * Puts the experiment controls into the main window: the "Experiment" drawer on the left (E),
 * and "Load data from CSV…", both in the Experiment menu. Everything it does to the experiment goes through
 * the {@link LabModel}. (Clicks on the fit chart belong to the fit chart's pointer tools.)
 */
public final class ExperimentController {

    private final MainView view;
    private final LabModel model;
    private final ExperimentDrawer drawer;
    private static final KeyCombination DRAWER_KEY = new KeyCodeCombination(KeyCode.E);
    private static final KeyCombination CSV_KEY = new KeyCodeCombination(KeyCode.O,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final CheckMenuItem drawerItem = new CheckMenuItem("Experiment panel");

    public ExperimentController(MainView view) {
        this.view = view;
        this.model = view.model();
        drawer = new ExperimentDrawer(model);
        drawer.setOnHide(() -> setDrawerShown(false));
        drawer.setOnLoadCsv(this::chooseCsv);

        // The keys are registered shortcuts too; the menus show them (the registry acts first).
        drawerItem.setId("menu-experiment-panel");
        drawerItem.setAccelerator(DRAWER_KEY);
        drawerItem.setOnAction(e -> setDrawerShown(drawerItem.isSelected()));
        MenuItem loadCsv = new MenuItem("Load data from CSV…");
        loadCsv.setId("menu-load-csv");
        loadCsv.setAccelerator(CSV_KEY);
        loadCsv.setOnAction(e -> chooseCsv());
        view.addMenuItems("Experiment", "panel", drawerItem, loadCsv);
        view.shortcuts().add(DRAWER_KEY, "Show / hide the experiment panel", this::toggleDrawer);
        view.shortcuts().add(CSV_KEY, "Load training data from a CSV file", this::chooseCsv);

        model.snapshotProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(Snapshot s) {
        if (drawer.getParent() != null) {
            drawer.show(s);
        }
    }

    public ExperimentDrawer drawer() {
        return drawer;
    }

    public boolean isDrawerShown() {
        return view.leftPanel() == drawer;
    }

    public void toggleDrawer() {
        setDrawerShown(!isDrawerShown());
    }

    public void setDrawerShown(boolean shown) {
        if (shown) {
            drawer.show(model.snapshot());
        }
        view.setLeftPanel(shown ? drawer : null);
        drawerItem.setSelected(shown);
    }

    /** Asks for a CSV file and trains on it; a bad file is reported and changes nothing. */
    public void chooseCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Load training data (x,y pairs)");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt", "*.tsv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        Window window = view.getScene() == null ? null : view.getScene().getWindow();
        File file = chooser.showOpenDialog(window);
        if (file != null) {
            loadCsv(file);
        }
    }

    /** Trains on {@code file}; shows the reader's message in an error dialog if it is bad. */
    void loadCsv(File file) {
        try {
            model.loadCsv(file.toPath());
        } catch (DataFileException ex) {
            Alert alert = new Alert(Alert.AlertType.ERROR, ex.getMessage());
            alert.setTitle("Cannot load data");
            alert.setHeaderText("The file was not loaded; the current data is unchanged.");
            if (view.getScene() != null) {
                alert.initOwner(view.getScene().getWindow());
            }
            alert.show();
        }
    }
}
