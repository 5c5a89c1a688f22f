package org.activationlab.ui.fit;

import org.activationlab.engine.Activations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two Linear networks are named apart in the chart's title (issue 9 item 9). */
class FitChartTitleTest {

    @Test
    void twoLinearNetworksAreNamedApart() {
        assertEquals("Linear network (switched) vs. Linear (no activation)",
                FitChart.title(List.of(Activations.LINEAR, Activations.LINEAR)));
    }
}
