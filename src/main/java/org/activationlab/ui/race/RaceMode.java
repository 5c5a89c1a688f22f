package org.activationlab.ui.race;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.WindowMode;

/**
 * Race mode (G): every activation trains on the same data from the same seed, the race grid and
 * leaderboard in the centre. The window's {@link WindowMode#RACE}: entering another mode (a
 * lesson) ends the race, and so does an experiment loaded over it (a file).
 */
public final class RaceMode {

    public static final KeyCombination KEY = new KeyCodeCombination(KeyCode.G);
    public static final String MENU_TEXT = "Race all activations";

    private final MainView view;
    private final LabModel model;
    private final RaceView raceView;
    private final CheckMenuItem menuItem = new CheckMenuItem(MENU_TEXT);

    private RaceMode(MainView view) {
        this.view = view;
        this.model = view.model();
        raceView = new RaceView(model);
        for (RaceChart chart : raceView.charts()) {
            view.registerChart(chart);
        }
        menuItem.setId("menu-race");
        // The key is a registered shortcut; the menu shows it (the registry acts first).
        menuItem.setAccelerator(KEY);
        menuItem.setOnAction(e -> setRacing(menuItem.isSelected()));
        view.addMenuItems("Experiment", "race", menuItem);
        view.shortcuts().add(KEY, "Race all activations / back to two models", this::toggle);
        model.snapshotProperty().addListener((obs, old, now) -> show(now));
    }

    /** Adds race mode to {@code view}; its menu item is {@link #menuItem()}, for a menu to hold. */
    public static RaceMode install(MainView view) {
        return new RaceMode(view);
    }

    public CheckMenuItem menuItem() {
        return menuItem;
    }

    public RaceView raceView() {
        return raceView;
    }

    public boolean isRacing() {
        return view.mode() == WindowMode.RACE;
    }

    public void toggle() {
        setRacing(!isRacing());
    }

    /**
     * Starts the race (the gallery, which switches the first model only, steps aside) or ends
     * it, back to the two models the race started from.
     */
    public void setRacing(boolean racing) {
        if (racing && !isRacing()) {
            view.enterMode(WindowMode.RACE, this::ended);
            model.enterRace();
            raceView.show(model.snapshot());
            view.setMainContent(raceView);
        } else if (!racing) {
            view.leaveMode(WindowMode.RACE);
        }
        menuItem.setSelected(isRacing());
    }

    /** The window left race mode: back to the experiment before the race, if nothing replaced it. */
    private void ended() {
        if (model.isRacing()) {
            model.leaveRace();
        }
        menuItem.setSelected(false);
    }

    private void show(Snapshot s) {
        if (!isRacing()) {
            return;
        }
        if (model.isRacing()) {
            raceView.show(s);
        } else {
            // An opened file replaced the race's experiment: the race is over.
            view.leaveMode(WindowMode.RACE);
        }
    }
}
