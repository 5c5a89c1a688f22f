package org.activationlab.ui;

import org.activationlab.engine.Dataset;
import org.activationlab.ui.chart.PlotViewport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataEditsTest {

    private final Dataset data = new Dataset(new float[]{0, 1, 2, 3}, new float[]{0, 1, 4, 9}, "t");
    /** 100 px per unit on x (0–4 → 0–400), 10 px per unit on y (0–10 → 100–0). */
    private final PlotViewport viewport = new PlotViewport(0, 0, 400, 100, 0, 4, 0, 10, false);

    @Test
    void addingAPointAppendsItAndMakesTheDataCustom() {
        Dataset more = DataEdits.withPoint(data, 2.5, -1);
        assertArrayEquals(new float[]{0, 1, 2, 3, 2.5f}, more.x());
        assertArrayEquals(new float[]{0, 1, 4, 9, -1}, more.y());
        assertTrue(more.target().isEmpty());
        assertEquals(DataEdits.CUSTOM, more.description());
    }

    @Test
    void removingAPointKeepsTheOthersInOrder() {
        Dataset fewer = DataEdits.withoutPoint(data, 1);
        assertArrayEquals(new float[]{0, 2, 3}, fewer.x());
        assertArrayEquals(new float[]{0, 4, 9}, fewer.y());
        assertThrows(IndexOutOfBoundsException.class, () -> DataEdits.withoutPoint(data, 4));
    }

    @Test
    void theNearestPointIsFoundInPixelsWithinTheRadius() {
        // Point 2 (2, 4) is drawn at (200, 60); point 1 (1, 1) at (100, 90).
        assertEquals(2, DataEdits.nearestPoint(data, viewport, 205, 63, 12));
        assertEquals(1, DataEdits.nearestPoint(data, viewport, 108, 90, 12));
        assertEquals(-1, DataEdits.nearestPoint(data, viewport, 150, 75, 12), "51 px from each");
        // Within 12 px (12.0) exactly, but not at 12.1.
        assertEquals(2, DataEdits.nearestPoint(data, viewport, 212, 60, 12));
        assertEquals(-1, DataEdits.nearestPoint(data, viewport, 212.1, 60, 12));
    }
}
