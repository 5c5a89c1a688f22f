package org.activationlab.ui.gallery;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.ui.LabModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The side column: a card for every activation in a scrolling grid, the active one highlighted
 * and kept in view, with room for panels underneath (the activation's facts).
 */
public final class ActivationGallery extends VBox {

    private final List<ActivationCard> cards = new ArrayList<>();
    private final ScrollPane scroll;
    private Activation shownActive;

    /**
     * The gallery of {@code model}: a click on a card switches to its activation, and the facts
     * of the active activation (or of the card under the mouse) show under the cards.
     */
    public ActivationGallery(LabModel model) {
        this(model::selectActivation);
        ActivationInfoPanel info = new ActivationInfoPanel(model);
        // In a scroll pane of its own: its facts are long, and at large text under a lesson the
        // column is shorter than they are; they scroll rather than push the window's bottom out.
        ScrollPane infoScroll = new ScrollPane(info);
        infoScroll.setFitToWidth(true);
        infoScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // No bar (it would narrow the facts and re-wrap them as it comes and goes): the wheel
        // and a drag scroll it.
        infoScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        infoScroll.setPannable(true);
        infoScroll.getStyleClass().add("info-scroll");
        // All its facts while the column has room (the cards scroll instead), at most
        // INFO_SHARE of the column when it is short.
        infoScroll.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(info.getHeight() + infoScroll.snappedTopInset() + infoScroll.snappedBottomInset(),
                        getHeight() * INFO_SHARE),
                info.heightProperty(), heightProperty()));
        addPanel(infoScroll);
        for (ActivationCard card : cards) {
            // Moved, not entered: JavaFX also sends "entered" when the gallery scrolls a card
            // under a resting pointer, and that card is not what the teacher pointed at.
            card.addEventHandler(MouseEvent.MOUSE_MOVED, e -> info.preview(card.activation()));
            card.addEventHandler(MouseEvent.MOUSE_EXITED, e -> info.endPreview());
        }
    }

    /** The most of a short column the facts take; the cards scroll in the rest. */
    private static final double INFO_SHARE = 0.55;

    /** @param onPick called with a card's activation when it is clicked */
    public ActivationGallery(Consumer<Activation> onPick) {
        getStyleClass().add("gallery-column");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("gallery");
        List<Activation> all = Activations.all();
        for (int i = 0; i < all.size(); i++) {
            Activation a = all.get(i);
            String key = i < 9 ? String.valueOf(i + 1) : i == 9 ? "0" : null;
            ActivationCard card = new ActivationCard(a, key);
            card.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> onPick.accept(a));
            cards.add(card);
            grid.add(card, i % 2, i / 2);
        }
        Label heading = new Label("Activation functions");
        heading.getStyleClass().add("gallery-heading");
        Label legend = new Label("f solid, f′ dashed, on [−5, 5]. Click a card or press its key.");
        legend.getStyleClass().add("gallery-legend");
        legend.setWrapText(true);
        VBox content = new VBox(heading, legend, grid);
        content.getStyleClass().add("gallery-content");
        scroll = new ScrollPane(content);
        scroll.setId("activation-gallery");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("gallery-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
    }

    public List<ActivationCard> cards() {
        return Collections.unmodifiableList(cards);
    }

    /** Adds a panel under the cards (which keep the remaining height). */
    public void addPanel(Node panel) {
        getChildren().add(panel);
    }

    /** Highlights the card of {@code active} and, when it changed, scrolls it into view. */
    public void showActive(Activation active) {
        for (ActivationCard card : cards) {
            card.setActive(ActivationCard.standsFor(card.activation(), active));
        }
        if (active != shownActive) {
            shownActive = active;
            revealCard(active);
        }
    }

    /**
     * Scrolls just enough that {@code activation}'s card is fully visible (a key press may pick
     * a card that is scrolled away).
     */
    public void revealCard(Activation activation) {
        for (ActivationCard card : cards) {
            if (card.activation().id().equals(activation.id())) {
                Node content = scroll.getContent();
                double viewHeight = scroll.getViewportBounds().getHeight();
                double scrollable = content.getLayoutBounds().getHeight() - viewHeight;
                if (scrollable <= 0) {
                    return;
                }
                Bounds b = content.sceneToLocal(card.localToScene(card.getLayoutBounds()));
                double top = scroll.getVvalue() * scrollable;
                if (b.getMinY() < top) {
                    scroll.setVvalue(b.getMinY() / scrollable);
                } else if (b.getMaxY() > top + viewHeight) {
                    scroll.setVvalue(Math.min(1, (b.getMaxY() - viewHeight) / scrollable));
                }
                return;
            }
        }
    }
}
