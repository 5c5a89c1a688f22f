package org.activationlab.ui.instruments;

import javafx.scene.control.Tab;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teaching instruments, installed into a {@link MainView} in one call: the tabs "Gradient
 * flow", "Dead units", "Saturation" and "PReLU slopes" (lessons refer to these titles), and the kinks
 * and collapsed line over the fit chart.
 */
public final class Instruments {

    public static final String GRADIENT_FLOW = "Gradient flow";
    public static final String DEAD_UNITS = "Dead units";
    public static final String SATURATION = "Saturation";
    public static final String PRELU_SLOPES = "PReLU slopes";
    /** How the last hidden layer's units add up to the output ({@link UnitTermsChart}). */
    public static final String UNITS = "Units";
    /** The tab titles, in order. */
    public static final List<String> TITLES = List.of(GRADIENT_FLOW, DEAD_UNITS, SATURATION, PRELU_SLOPES, UNITS);

    private Instruments() {
    }

    /** Adds every instrument to {@code view}; the instruments follow its model's snapshots. */
    public static void install(MainView view) {
        LabModel model = view.model();
        Map<Tab, InstrumentChart> tabs = new LinkedHashMap<>();
        InstrumentChart[] charts = {new GradientFlowChart(), new DeadUnitsChart(), new SaturationChart(),
                new PReluSlopesChart(), new UnitTermsChart()};
        for (int i = 0; i < charts.length; i++) {
            InstrumentChart chart = charts[i];
            Tab tab = view.addInstrument(TITLES.get(i), chart);
            tabs.put(tab, chart);
            // A hidden tab does not draw; it catches up with the newest snapshot when shown.
            tab.selectedProperty().addListener((obs, was, selected) -> {
                if (selected) {
                    chart.setSnapshot(model.snapshot());
                }
            });
        }
        model.snapshotProperty().addListener((obs, old, now) -> forward(tabs, now));
        // Going back through a paused run: the charts over epochs show a cursor at that epoch;
        // what only the live network has (units, saturation, the Units tab) stays live.
        model.viewedEpochProperty().addListener((obs, old, now) -> {
            for (InstrumentChart chart : tabs.values()) {
                chart.setCursorEpoch(now.intValue());
            }
        });
        forward(tabs, model.snapshot());

        view.addFitOverlay(new FitShapeOverlay());
    }

    private static void forward(Map<Tab, InstrumentChart> tabs, Snapshot snapshot) {
        for (Map.Entry<Tab, InstrumentChart> e : tabs.entrySet()) {
            if (e.getKey().isSelected()) {
                e.getValue().setSnapshot(snapshot);
            }
        }
    }
}
