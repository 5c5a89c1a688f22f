package org.activationlab.ui.experiment;

import javafx.scene.Node;
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
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.race.RaceChart;
import org.activationlab.ui.race.RaceView;

import java.io.File;

/**
 * Puts the experiment controls into the main window: the "Experiment" drawer on the left (E),
 * race mode in the centre (G) and "Load data from CSV…" in the File menu. Everything it does to
 * the experiment goes through the {@link LabModel}. (Clicks on the fit chart belong to
 * {@link FitPointer}.)
 */
public final class ExperimentController {

    private final MainView view;
    private final LabModel model;
    private final ExperimentDrawer drawer;
    private final RaceView raceView;
    private static final KeyCombination DRAWER_KEY = new KeyCodeCombination(KeyCode.E);
    private static final KeyCombination RACE_KEY = new KeyCodeCombination(KeyCode.G);
    private static final KeyCombination CSV_KEY = new KeyCodeCombination(KeyCode.O,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private final CheckMenuItem drawerItem = new CheckMenuItem("Experiment panel");
    private final CheckMenuItem raceItem = new CheckMenuItem("Race all activations");
    /** The activation gallery on the right; steps aside in a race, and for the drawer when narrow. */
    private final Node gallery;
    private Node contentBeforeRace;
    /** Below this window width the open drawer takes the gallery's room (1024 px screens). */
    static final double NARROW = 1200;

    public ExperimentController(MainView view) {
        this.view = view;
        this.model = view.model();
        gallery = view.getRight();
        drawer = new ExperimentDrawer(model);
        drawer.setOnHide(() -> setDrawerShown(false));
        drawer.setOnLoadCsv(this::chooseCsv);
        raceView = new RaceView(model);
        for (RaceChart chart : raceView.charts()) {
            view.registerChart(chart);
        }

        // The keys are registered shortcuts too; the menus show them (the registry acts first).
        drawerItem.setId("menu-experiment-panel");
        drawerItem.setAccelerator(DRAWER_KEY);
        raceItem.setAccelerator(RACE_KEY);
        drawerItem.setOnAction(e -> setDrawerShown(drawerItem.isSelected()));
        raceItem.setId("menu-race");
        raceItem.setOnAction(e -> setRacing(raceItem.isSelected()));
        view.menu("View").getItems().addAll(drawerItem, raceItem);
        MenuItem loadCsv = new MenuItem("Load data from CSV…");
        loadCsv.setId("menu-load-csv");
        loadCsv.setAccelerator(CSV_KEY);
        loadCsv.setOnAction(e -> chooseCsv());
        view.menu("File").getItems().add(loadCsv);
        view.shortcuts().add(DRAWER_KEY, "Show / hide the experiment panel", this::toggleDrawer);
        view.shortcuts().add(RACE_KEY, "Race all activations / back to two models", this::toggleRace);
        view.shortcuts().add(CSV_KEY, "Load training data from a CSV file", this::chooseCsv);

        view.widthProperty().addListener((obs, old, now) -> placeGallery());
        model.snapshotProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(Snapshot s) {
        if (drawer.getParent() != null) {
            drawer.show(s);
        }
        if (model.isRacing()) {
            raceView.show(s);
        } else if (raceView.getParent() != null) {
            // A lesson or an opened file replaced the race's experiment: the race is over.
            restoreAfterRace();
        }
    }

    public ExperimentDrawer drawer() {
        return drawer;
    }

    public RaceView raceView() {
        return raceView;
    }

    public boolean isDrawerShown() {
        return view.getLeft() == drawer;
    }

    public void toggleDrawer() {
        setDrawerShown(!isDrawerShown());
    }

    public void setDrawerShown(boolean shown) {
        if (shown) {
            drawer.show(model.snapshot());
        }
        view.setLeft(shown ? drawer : null);
        drawerItem.setSelected(shown);
        placeGallery();
    }

    public boolean isRacing() {
        return model.isRacing();
    }

    public void toggleRace() {
        setRacing(!model.isRacing());
    }

    /**
     * Race mode trains every activation and shows the race in the centre; the activation gallery,
     * which switches the first model only, is hidden meanwhile. Leaving restores both.
     */
    public void setRacing(boolean racing) {
        if (racing != model.isRacing()) {
            if (racing) {
                model.enterRace();
                raceView.show(model.snapshot());
                contentBeforeRace = view.mainContent();
                view.setMainContent(raceView);
                placeGallery();
            } else {
                model.leaveRace();
                restoreAfterRace();
            }
        }
        raceItem.setSelected(racing);
    }

    private void restoreAfterRace() {
        if (view.mainContent() == raceView) {
            view.setMainContent(contentBeforeRace);
        }
        placeGallery();
        raceItem.setSelected(false);
    }

    /** The gallery shows unless a race runs or the drawer needs its room in a narrow window. */
    private void placeGallery() {
        boolean crowded = isDrawerShown() && view.getWidth() > 0 && view.getWidth() < NARROW;
        Node right = model.isRacing() || crowded ? null : gallery;
        if (view.getRight() != right) {
            view.setRight(right);
        }
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
