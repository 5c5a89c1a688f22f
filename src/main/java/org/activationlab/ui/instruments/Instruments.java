package org.activationlab.ui.instruments;

import javafx.scene.control.Tab;
import javafx.scene.input.MouseEvent;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.gallery.ActivationCard;
import org.activationlab.ui.gallery.ActivationInfoPanel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teaching instruments, installed into a {@link MainView} in one call: the tabs "Gradient
 * flow", "Dead units", "Saturation" and "PReLU slopes" (lessons refer to these titles), the kinks
 * and collapsed line over the fit chart, and the activation info panel under the gallery.
 */
public final class Instruments {

    public static final String GRADIENT_FLOW = "Gradient flow";
    public static final String DEAD_UNITS = "Dead units";
    public static final String SATURATION = "Saturation";
    public static final String PRELU_SLOPES = "PReLU slopes";
    /** The tab titles, in order. */
    public static final List<String> TITLES = List.of(GRADIENT_FLOW, DEAD_UNITS, SATURATION, PRELU_SLOPES);

    private Instruments() {
    }

    /** Adds every instrument to {@code view}; the instruments follow its model's snapshots. */
    public static void install(MainView view) {
        LabModel model = view.model();
        Map<Tab, InstrumentChart> tabs = new LinkedHashMap<>();
        InstrumentChart[] charts = {new GradientFlowChart(), new DeadUnitsChart(), new SaturationChart(),
                new PReluSlopesChart()};
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
        forward(tabs, model.snapshot());

        view.fitChart().addOverlay(new FitShapeOverlay());

        ActivationInfoPanel info = new ActivationInfoPanel(model);
        view.addGalleryPanel(info);
        for (ActivationCard card : view.cards()) {
            // Moved, not entered: JavaFX also sends "entered" when the gallery scrolls a card
            // under a resting pointer, and that card is not what the teacher pointed at.
            card.addEventHandler(MouseEvent.MOUSE_MOVED, e -> info.preview(card.activation()));
            card.addEventHandler(MouseEvent.MOUSE_EXITED, e -> info.endPreview());
        }
    }

    private static void forward(Map<Tab, InstrumentChart> tabs, Snapshot snapshot) {
        for (Map.Entry<Tab, InstrumentChart> e : tabs.entrySet()) {
            if (e.getKey().isSelected()) {
                e.getValue().setSnapshot(snapshot);
            }
        }
    }

    /**
     * Whether the gallery card of {@code card} stands for the model's {@code active} activation:
     * the same id, or one of its forms (GELU's tanh approximation is GELU's card).
     */
    public static boolean sameCard(Activation card, Activation active) {
        return card.id().equals(active.id()) || (card == Activations.GELU && active == Activations.GELU_TANH);
    }
}
