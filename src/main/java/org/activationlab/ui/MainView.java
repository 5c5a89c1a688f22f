package org.activationlab.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.activationlab.engine.Activation;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.Snapshot;
import org.activationlab.training.SwitchMode;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.chart.PlotOverlay;
import org.activationlab.ui.experiment.ExperimentController;
import org.activationlab.ui.fit.FitChart;
import org.activationlab.ui.fit.FitPointer;
import org.activationlab.ui.fit.LossChart;
import org.activationlab.ui.fit.TimelineScrubber;
import org.activationlab.ui.gallery.ActivationCard;
import org.activationlab.ui.gallery.ActivationGallery;
import org.activationlab.ui.instruments.Instruments;
import org.activationlab.ui.race.RaceMode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The main window's content and its one owner: toolbar, fit chart over loss chart, activation
 * cards at the side and a status line. Features do not reach into it; they get places from it —
 * a menu ({@link #menu}), keys ({@link #shortcuts}), an instrument tab ({@link #addInstrument}),
 * an overlay over the charts ({@link #addOverlay}, {@link #addFitOverlay}), the strip above the
 * charts ({@link #setGuide}), the left panel ({@link #setLeftPanel}) — and a mode
 * ({@link #enterMode}): the window is in exactly one {@link WindowMode}, with presentation laid
 * over any of them ({@link #setPresenting}). The centre and the side column are derived from the
 * mode, so entering and leaving in any order gives back what the mode shows.
 *
 * <p>One {@link AnimationTimer} takes the newest snapshot once per frame and redraws only the
 * charts that changed.
 */
public final class MainView extends BorderPane {

    private final LabModel model;
    private final ControlBar controls;
    private final FitChart fitChart = new FitChart();
    private final LossChart lossChart = new LossChart();
    private final ActivationGallery gallery;
    private final Label status = new Label();
    private final Label hint = new Label("Press Space to train");
    private final Label bannerText = new Label();
    private final Button bannerReset = new Button("Reset");
    private final HBox banner;
    private final AnimationTimer frameLoop;
    private final Shortcuts shortcuts = new Shortcuts();
    private final MenuBar menuBar = new MenuBar();
    private final Map<String, MenuSections> menus = new HashMap<>();
    private final TabPane instruments = new TabPane();
    private final StackPane centre;
    private final VBox top;
    private final List<ChartCanvas> charts = new ArrayList<>();
    private final Node defaultContent;
    private LongConsumer frameListener;
    /** The previous frame's pulse time, 0 before the first. */
    private long lastFrameNanos;
    private final ExperimentController experiment;
    private final RaceMode race;
    private final ReadOnlyObjectWrapper<WindowMode> mode = new ReadOnlyObjectWrapper<>(this, "mode", WindowMode.CHARTS);
    /** What the current mode's feature does when the mode ends (by itself or for another mode). */
    private Runnable modeEnded = () -> { };
    /** What the current mode shows in the centre; null for the charts. */
    private Node modeContent;
    private final ReadOnlyBooleanWrapper presenting = new ReadOnlyBooleanWrapper(this, "presenting");
    private Node leftPanel;
    private Node guide;
    private final HBox presentationControls = new HBox();
    private final HBox statusBar;
    /** Below this window width an open left panel takes the gallery's room (1024 px screens). */
    public static final double NARROW = 1200;
    private final FitPointer pointer;
    private final UndoActions undo;
    private final TimelineScrubber timeline;
    private boolean barsFolded;

    public MainView(LabModel model) {
        this.model = model;
        getStyleClass().add("main-view");
        controls = new ControlBar(model);
        menuBar.setId("menu-bar");
        for (String name : MENUS) {
            Menu menu = new Menu(name);
            menu.setId("menu-" + name.toLowerCase(Locale.ROOT));
            menuBar.getMenus().add(menu);
            menus.put(name, new MenuSections(menu, MENU_SECTIONS.get(name)));
        }
        Menu export = new Menu(EXPORT);
        export.setId("file-export");
        menus.put(EXPORT, new MenuSections(export, MENU_SECTIONS.get(EXPORT)));
        addMenuItems("File", "export", export);
        top = new VBox(menuBar, controls);
        setTop(top);
        presentationControls.getStyleClass().add("presentation-controls");
        presentationControls.setAlignment(Pos.CENTER_LEFT);

        fitChart.setId("fit-chart");
        lossChart.setId("loss-chart");
        instruments.setId("instruments");
        instruments.getStyleClass().add("instruments");
        instruments.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        addInstrument("Loss", lossChart);
        // The timeline under the fit chart: back through a paused run (ui.fit.TimelineScrubber).
        timeline = new TimelineScrubber(this);
        VBox chartColumn = new VBox(fitChart, timeline, instruments);
        chartColumn.getStyleClass().add("charts");
        VBox.setVgrow(fitChart, Priority.ALWAYS);
        instruments.prefHeightProperty().bind(chartColumn.heightProperty().multiply(0.3));
        instruments.setMinHeight(140);
        defaultContent = chartColumn;
        registerChart(fitChart);

        hint.setId("hint");
        hint.getStyleClass().add("hint");
        hint.setMouseTransparent(true);
        bannerReset.setId("banner-reset");
        bannerReset.setOnAction(e -> model.reset());
        bannerText.getStyleClass().add("banner-text");
        bannerText.setWrapText(true);
        bannerText.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bannerText, Priority.ALWAYS);
        banner = new HBox(bannerText, bannerReset);
        banner.setId("banner");
        banner.getStyleClass().add("banner");
        banner.setVisible(false);
        banner.setManaged(false);
        banner.setMaxHeight(USE_PREF_SIZE);
        centre = new StackPane(chartColumn, hint);
        StackPane.setAlignment(hint, Pos.CENTER);
        // The banner docks above the charts and pushes them down: laid over them, it hid the
        // fit chart's title and legend, the very lines that say which network diverged.
        VBox.setVgrow(centre, Priority.ALWAYS);
        VBox bannerAndCentre = new VBox(banner, centre);
        bannerAndCentre.getStyleClass().add("centre-column");
        setCenter(bannerAndCentre);

        gallery = new ActivationGallery(model);
        for (ActivationCard card : gallery.cards()) {
            registerChart(card.plot());
        }

        status.setId("status");
        statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        setBottom(statusBar);

        installShortcuts();
        model.snapshotProperty().addListener((obs, old, now) -> show(now));
        // The fit and loss charts draw the run as of the epoch gone back to, or live.
        model.shownSnapshotProperty().addListener((obs, old, now) -> showCharts(now));
        model.viewedEpochProperty().addListener((obs, old, now) -> lossChart.setCursorEpoch(now.intValue()));
        model.commandFailureProperty().addListener((obs, old, now) -> showProblem(model.snapshot()));
        show(model.snapshot());
        showCharts(model.shownSnapshot());

        frameLoop = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onFrame(now);
            }
        };
        widthProperty().addListener((obs, old, now) -> layoutWindow());
        layoutWindow();
        Instruments.install(this);
        experiment = new ExperimentController(this);
        race = RaceMode.install(this);
        pointer = new FitPointer(this);
        undo = new UndoActions(this);
        addMenuActions("Experiment", "edit", undo.actions());
        addMenuActions("Experiment", "training", List.of(
                MenuAction.of("menu-play", "Play / Pause", List.of(key(KeyCode.SPACE)), model::togglePlay),
                MenuAction.of("menu-step", "Train one epoch", List.of(key(KeyCode.RIGHT)), model::step),
                MenuAction.of("menu-reset", "Reset to epoch 0", List.of(key(KeyCode.R)), model::reset),
                MenuAction.of("menu-new-seed", "New seed (new initial weights)", List.of(key(KeyCode.S)),
                        model::newSeed),
                // The control bar's switch-mode choice folds away for a lesson at large text.
                new MenuAction("menu-keep-weights", javafx.beans.binding.Bindings.createStringBinding(
                        () -> "Keep the weights on a switch"), List.of(key(KeyCode.W)),
                        () -> model.switchModeProperty().set(model.switchModeProperty().get() == SwitchMode.KEEP_WEIGHTS
                                ? SwitchMode.RESTART : SwitchMode.KEEP_WEIGHTS),
                        javafx.beans.binding.Bindings.createBooleanBinding(() -> true),
                        model.switchModeProperty().isEqualTo(SwitchMode.KEEP_WEIGHTS))));
        addMenuActions("Experiment", "tools", pointer.actions());
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code);
    }

    private void addMenuActions(String menu, String section, List<MenuAction> actions) {
        for (MenuAction action : actions) {
            addMenuItems(menu, section, action.menuItem());
        }
    }

    /** The fit chart's pointer tools (Point, Edit data, Note) and the notes pinned on it. */
    public FitPointer pointer() {
        return pointer;
    }

    /** Undo and redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y) of the model's history. */
    public UndoActions undo() {
        return undo;
    }

    /**
     * Adds a group of controls at the end of the control bar (the pointer's tool row). Like the
     * bar's own switch-mode and seed controls it folds away when a lesson needs the height
     * ({@link #setBarsFolded}), so its actions must be in a menu too.
     */
    public void addControls(Node group) {
        controls.getChildren().add(ControlBar.secondary(group));
        controls.setSecondaryFolded(barsFolded);
    }

    /**
     * Folds the control bar down to its first controls (Play, Step, Reset, speed, epoch, limit)
     * and the status line away, or shows them again: for a lesson at a large text size in a
     * small window. What the folded controls do stays in the menus and keys; the legend keeps
     * each network's loss and epoch.
     */
    public void setBarsFolded(boolean folded) {
        if (folded != barsFolded) {
            barsFolded = folded;
            controls.setSecondaryFolded(folded);
            layoutWindow();
        }
    }

    public boolean barsFolded() {
        return barsFolded;
    }

    /** The window's mode now. */
    public ReadOnlyObjectProperty<WindowMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public WindowMode mode() {
        return mode.get();
    }

    /**
     * Puts the window in {@code newMode} for a feature. The mode it was in ends first (its
     * feature's {@code onEnd} runs: a race stops, a lesson closes), the centre goes back to the
     * charts until the feature sets its content, and the side column follows the new mode.
     * Entering the mode the window is already in only replaces {@code onEnd}.
     *
     * @param onEnd what the feature does when its mode ends, by {@link #leaveMode} or because
     *              another mode was entered; runs once, after the window has left the mode
     */
    public void enterMode(WindowMode newMode, Runnable onEnd) {
        if (newMode == WindowMode.CHARTS) {
            leaveMode(mode.get());
            return;
        }
        if (mode.get() != newMode) {
            endMode();
            modeContent = null;
            mode.set(newMode);
            layoutWindow();
        }
        modeEnded = onEnd;
    }

    /** Ends {@code m} if it is the window's mode, back to the charts; otherwise does nothing. */
    public void leaveMode(WindowMode m) {
        if (mode.get() == m && m != WindowMode.CHARTS) {
            endMode();
            layoutWindow();
        }
    }

    private void endMode() {
        Runnable ended = modeEnded;
        modeEnded = () -> { };
        modeContent = null;
        mode.set(WindowMode.CHARTS);
        ended.run();
    }

    /**
     * Presentation, over whatever mode the window is in: the menu and control bars, the side
     * column and the status bar fold away so the charts take the space; false brings them back.
     */
    public void setPresenting(boolean on) {
        presenting.set(on);
        layoutWindow();
    }

    public ReadOnlyBooleanProperty presentingProperty() {
        return presenting.getReadOnlyProperty();
    }

    public boolean isPresenting() {
        return presenting.get();
    }

    /** The panel on the left (the experiment drawer); null for none. */
    public void setLeftPanel(Node panel) {
        leftPanel = panel;
        layoutWindow();
    }

    public Node leftPanel() {
        return leftPanel;
    }

    /**
     * Lays the window out from its state: the centre from the mode, the side column from the
     * mode (the gallery also steps aside for the left panel in a narrow window), the bars from
     * presentation.
     */
    private void layoutWindow() {
        Node content = modeContent == null ? defaultContent : modeContent;
        if (centre.getChildren().get(0) != content) {
            centre.getChildren().set(0, content);
        }
        updateHint(model.snapshot());
        if (getLeft() != leftPanel) {
            setLeft(leftPanel);
        }
        boolean crowded = leftPanel != null && getWidth() > 0 && getWidth() < NARROW;
        Node right = mode.get().showsGallery() && !crowded ? gallery : null;
        if (getRight() != right) {
            setRight(right);
        }
        // Presenting, the class sees the charts and the lesson strip (its text is what they read).
        boolean present = presenting.get();
        for (Node bar : new Node[]{menuBar, controls, gallery, statusBar}) {
            boolean shows = !present && !(bar == statusBar && barsFolded);
            bar.setVisible(shows);
            bar.setManaged(shows);
        }
        boolean topShows = !present || guide != null;
        top.setVisible(topShows);
        top.setManaged(topShows);
    }

    /** Race mode: every activation at once. */
    public RaceMode race() {
        return race;
    }

    /** The experiment drawer, race mode and data editing. */
    public ExperimentController experiment() {
        return experiment;
    }

    /** Starts the frame loop. */
    public void start() {
        frameLoop.start();
    }

    /** Stops the frame loop. */
    public void stop() {
        frameLoop.stop();
    }

    /** Called with each frame's timestamp after drawing (for the UI benchmark). */
    public void setFrameListener(LongConsumer listener) {
        this.frameListener = listener;
    }

    private void onFrame(long now) {
        if (lastFrameNanos != 0) {
            model.trainer().pacing().frameShown(now - lastFrameNanos);
        }
        lastFrameNanos = now;
        model.pullSnapshot();
        for (int i = 0; i < charts.size(); i++) {
            ChartCanvas chart = charts.get(i);
            // A chart out of sight (the fit chart during the race) stays dirty until shown.
            if (isShowing(chart)) {
                chart.redrawIfDirty();
            }
        }
        if (frameListener != null) {
            frameListener.accept(now);
        }
    }

    private static boolean isShowing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Installs the window's keys (see {@link #shortcuts()}). */
    public void installKeys(Scene scene) {
        shortcuts.install(scene);
        // Esc in a field one types into (or on a slider), or a click on the charts, gives the
        // keys back to the window.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            if (e.getCode() == KeyCode.ESCAPE && (Shortcuts.isEditable(focus) || focus instanceof Slider)) {
                requestFocus();
                e.consume();
            }
        });
        centre.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    }

    private void installShortcuts() {
        shortcuts.add(KeyCode.SPACE, "Play / pause", model::togglePlay);
        shortcuts.add(KeyCode.RIGHT, "Train one epoch", model::step);
        shortcuts.add(KeyCode.R, "Reset to epoch 0", model::reset);
        for (int i = 0; i < Math.min(10, gallery.cards().size()); i++) {
            Activation a = gallery.cards().get(i).activation();
            KeyCode digit = DIGITS[i];
            KeyCode numpad = NUMPAD_DIGITS[i];
            shortcuts.add(digit, "Switch to " + a.displayName(), () -> model.selectActivation(a));
            shortcuts.add(numpad, "Switch to " + a.displayName(), () -> model.selectActivation(a));
        }
    }

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3,
            KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8,
            KeyCode.DIGIT9, KeyCode.DIGIT0};
    private static final KeyCode[] NUMPAD_DIGITS = {KeyCode.NUMPAD1, KeyCode.NUMPAD2,
            KeyCode.NUMPAD3, KeyCode.NUMPAD4, KeyCode.NUMPAD5, KeyCode.NUMPAD6, KeyCode.NUMPAD7,
            KeyCode.NUMPAD8, KeyCode.NUMPAD9, KeyCode.NUMPAD0};

    /** The menus of the menu bar, in order. */
    public static final List<String> MENUS = List.of("File", "View", "Experiment", "Lessons", "Help");
    /** File ▸ Export, a menu of its own: {@code addMenuItems(EXPORT, "animation", item)}. */
    public static final String EXPORT = "Export";
    /**
     * Each menu's sections, in order: features put their items in a section with
     * {@link #addMenuItems}, and the menu shows the sections in this order with a separator
     * between them, whichever feature was installed first. The Lessons menu is the lessons' own.
     */
    public static final Map<String, List<String>> MENU_SECTIONS = Map.of(
            "File", List.of("new", "open", "save", "export", "quit"),
            EXPORT, List.of("images", "animation", "tables"),
            "View", List.of("presentation", "appearance", "code"),
            "Experiment", List.of("edit", "training", "panel", "tools", "race"),
            "Lessons", List.of(),
            "Help", List.of("help", "about"));

    /**
     * The menu called {@code name} (one of {@link #MENUS}, or {@link #EXPORT}). Prefer
     * {@link #addMenuItems}: an item added here directly goes after the menu's sections.
     */
    public Menu menu(String name) {
        MenuSections m = menus.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no menu " + name);
        }
        return m.menu();
    }

    /**
     * Adds {@code items} at the end of {@code section} (see {@link #MENU_SECTIONS}) of the menu
     * called {@code menu}, e.g. {@code addMenuItems("Experiment", "race", raceItem)}.
     */
    public void addMenuItems(String menu, String section, MenuItem... items) {
        MenuSections m = menus.get(menu);
        if (m == null) {
            throw new IllegalArgumentException("no menu " + menu);
        }
        m.add(section, items);
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    /** Every keyboard shortcut; features add theirs here. */
    public Shortcuts shortcuts() {
        return shortcuts;
    }

    /** Adds a tab to the instrument strip under the fit chart; charts in it are redrawn per frame. */
    public Tab addInstrument(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        instruments.getTabs().add(tab);
        if (content instanceof ChartCanvas chart) {
            registerChart(chart);
        }
        return tab;
    }

    /** Scrolls the gallery so that {@code activation}'s card is visible. */
    public void revealCard(Activation activation) {
        gallery.revealCard(activation);
    }

    /** Adds a panel under the activation gallery (which keeps the remaining height). */
    public void addGalleryPanel(Node panel) {
        gallery.addPanel(panel);
    }

    public TabPane instruments() {
        return instruments;
    }

    /** Redraws {@code chart} in the frame loop whenever it is dirty. */
    public void registerChart(ChartCanvas chart) {
        if (!charts.contains(chart)) {
            charts.add(chart);
        }
    }

    /**
     * What the current mode shows in the centre instead of the fit chart and instruments (race
     * mode's grid, a lesson's panel); null shows the charts. Reset to the charts whenever the
     * mode changes. The "Press Space" hint belongs to the charts and hides while other content
     * shows.
     */
    public void setMainContent(Node content) {
        modeContent = content;
        layoutWindow();
    }

    /** Draws {@code overlay} over the fit chart's curves with every snapshot. */
    public void addFitOverlay(PlotOverlay overlay) {
        fitChart.addOverlay(overlay);
    }

    /** What the centre shows now (the default charts, or a feature's content). */
    public Node mainContent() {
        return centre.getChildren().get(0);
    }

    private void updateHint(Snapshot s) {
        hint.setVisible(s != null && s.epoch() == 0 && !s.playing()
                && centre.getChildren().get(0) == defaultContent);
    }

    /**
     * Docks {@code guide} under the control bar, above the charts, where it covers nothing (a
     * lesson's explanation); null removes it.
     */
    public void setGuide(Node guide) {
        this.guide = guide;
        top.getChildren().setAll(menuBar, controls);
        if (guide != null) {
            top.getChildren().add(guide);
        }
        layoutWindow();
    }

    /**
     * A place on presentation mode's slim bar for a feature's controls (a lesson's Back and
     * Next); whoever draws the slim bar shows this node in it.
     */
    public HBox presentationControls() {
        return presentationControls;
    }

    /**
     * Lays {@code overlay} over the centre (charts), above the main content, e.g. a toast or an
     * annotation layer; overlays stay when {@link #setMainContent} swaps the content.
     */
    public void addOverlay(Node overlay) {
        centre.getChildren().add(overlay);
    }

    private void show(Snapshot s) {
        if (s == null) {
            return;
        }
        controls.show(s);
        Activation active = s.config().models().get(LabModel.SWITCHED_MODEL);
        gallery.showActive(active);
        updateHint(s);
        status.setText(statusText(s));
        showProblem(s);
    }

    private void showCharts(Snapshot s) {
        if (s != null) {
            fitChart.setSnapshot(s);
            lossChart.setSnapshot(s);
        }
    }

    /** A training problem (with Reset), else a command the trainer refused (a load, a value). */
    private void showProblem(Snapshot s) {
        String problem = s == null ? null : problemText(s);
        boolean training = problem != null;
        if (problem == null) {
            problem = model.commandFailure();
        }
        banner.setVisible(problem != null);
        banner.setManaged(problem != null);
        bannerText.setText(problem == null ? "" : problem);
        bannerReset.setVisible(training);
        bannerReset.setManaged(training);
    }

    static String statusText(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        appendEpochs(sb, s);
        sb.append("   ·   ");
        if (s.playing()) {
            sb.append(String.format(Locale.ROOT, "%.0f epochs/s", s.measuredEpochsPerSecond()));
        } else {
            sb.append(s.atLimit() ? "limit reached: Space trains on" : "paused");
        }
        if (s.models().size() > 3) {
            // A race: the leaderboard lists every model; the status line names the leader.
            ModelStats best = null;
            for (ModelStats m : s.models()) {
                if (!m.diverged() && (best == null || m.mse() < best.mse())) {
                    best = m;
                }
            }
            sb.append("   ·   ").append(s.models().size()).append(" models");
            if (best != null) {
                sb.append(", leading: ").append(best.activation().displayName())
                        .append(" MSE ").append(ModelText.mse(best.mse()));
            }
        } else {
            for (ModelStats m : s.models()) {
                sb.append("   ·   ").append(ModelText.label(m, s.models())).append(": ")
                        .append(ModelText.loss(m));
            }
        }
        sb.append("   ·   ").append(s.config().network().shapeText()).append(", ")
                .append(s.config().optimizer().kind().displayName())
                .append(String.format(Locale.ROOT, " lr %.0e", s.config().optimizer().learningRate()))
                .append(", batch ").append(s.config().batchSize());
        return sb.toString();
    }

    /**
     * "Epoch 42 / 100" while every network has trained as many epochs; otherwise each network's
     * own count ("Epochs: Tanh 58 / 100, Linear 100 / 100"), so that a network restarted by a
     * switch is not compared with one that trained longer. Inside a long epoch, how far it is.
     */
    private static void appendEpochs(StringBuilder sb, Snapshot s) {
        int lim = s.config().epochLimit();
        String limit = lim > 0 ? " / " + lim : "";
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int e : s.modelEpochs()) {
            min = Math.min(min, e);
            max = Math.max(max, e);
        }
        if (min == max) {
            sb.append("Epoch ").append(max).append(limit);
        } else if (s.models().size() > 3) {
            sb.append("Epochs ").append(min).append('–').append(max).append(limit);
        } else {
            sb.append("Epochs: ");
            for (int i = 0; i < s.models().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(ModelText.label(s.models().get(i), s.models()))
                        .append(' ').append(s.modelEpoch(i)).append(limit);
            }
        }
        if (s.epochProgress() > 0) {
            sb.append(String.format(Locale.ROOT, " (next epoch %.0f %%)", 100 * s.epochProgress()));
        }
    }

    static String problemText(Snapshot s) {
        if (s.failure() != null) {
            return "Training stopped with an error: " + s.failure();
        }
        List<ModelStats> diverged = s.models().stream().filter(ModelStats::diverged).toList();
        if (diverged.isEmpty()) {
            return null;
        }
        boolean anyHealthy = diverged.size() < s.models().size();
        boolean sameEpoch = diverged.stream().mapToInt(ModelStats::divergedAtEpoch).distinct().count() == 1;
        List<String> names = new ArrayList<>();
        for (ModelStats m : diverged) {
            names.add("the " + ModelText.label(m, s.models())
                    + (sameEpoch ? "" : " (at epoch " + m.divergedAtEpoch() + ")"));
        }
        boolean one = diverged.size() == 1;
        String who = joinWithAnd(names);
        return Character.toUpperCase(who.charAt(0)) + who.substring(1)
                + (one ? "" : diverged.size() == 2 ? " both" : " all") + " diverged"
                + (sameEpoch ? " at epoch " + diverged.get(0).divergedAtEpoch() : "")
                + (one ? ": its loss became" : ": their losses became")
                + " NaN or infinite, and training paused. Likely cause: a learning rate"
                + String.format(Locale.ROOT, " (now %.0e)", s.config().optimizer().learningRate())
                + " or initial weights (scale ×" + java.math.BigDecimal.valueOf(
                s.config().network().initScale()).stripTrailingZeros().toPlainString() + ")"
                + " that are too large. Reset starts again"
                + (anyHealthy ? "; Space trains the other model" + (s.models().size() - diverged.size() > 1
                ? "s" : "") + " on." : ".");
    }

    /** "a", "a and b", "a, b and c". */
    private static String joinWithAnd(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    public FitChart fitChart() {
        return fitChart;
    }

    public LossChart lossChart() {
        return lossChart;
    }

    /** The timeline strip under the fit chart (going back through a paused run). */
    public TimelineScrubber timeline() {
        return timeline;
    }

    public List<ActivationCard> cards() {
        return gallery.cards();
    }

    public LabModel model() {
        return model;
    }
}
