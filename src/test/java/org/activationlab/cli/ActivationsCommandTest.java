package org.activationlab.cli;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationsCommandTest {

    private static final double[] XS = {-2.5, -1, 0, 0.25, 3};

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void csvHasOneRowPerActivationAndPointMatchingClosedForms() {
        Cli.Result result = Cli.run("activations", "--x", "-2.5,-1,0,0.25,3", "--csv");

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.outLines();
        assertEquals("activation,x,f,df", lines.get(0));
        List<String> ids = new ArrayList<>();
        for (Activation a : Activations.all()) {
            ids.add(a.id());
        }
        ids.add("gelu_tanh");
        assertEquals(1 + ids.size() * XS.length, lines.size());

        Map<String, double[]> rows = new HashMap<>();
        List<String> seenIds = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(4, cells.length, line);
            double x = Double.parseDouble(cells[1]);
            rows.put(cells[0] + "@" + x, new double[] {Double.parseDouble(cells[2]),
                    Double.parseDouble(cells[3])});
            if (!seenIds.contains(cells[0])) {
                seenIds.add(cells[0]);
            }
        }
        assertEquals(ids.size(), seenIds.size());
        assertTrue(seenIds.containsAll(ids), seenIds.toString());

        Map<String, DoubleUnaryOperator[]> closedForms = Map.of(
                "relu", new DoubleUnaryOperator[] {x -> Math.max(0, x), x -> x > 0 ? 1 : 0},
                "tanh", new DoubleUnaryOperator[] {Math::tanh,
                        x -> 1 - Math.tanh(x) * Math.tanh(x)},
                "sigmoid", new DoubleUnaryOperator[] {ActivationsCommandTest::sigmoid,
                        x -> sigmoid(x) * (1 - sigmoid(x))});
        closedForms.forEach((id, fs) -> {
            for (double x : XS) {
                double[] row = rows.get(id + "@" + x);
                assertNotNull(row, id + " at " + x);
                assertEquals(fs[0].applyAsDouble(x), row[0], 1e-12, id + " f(" + x + ")");
                assertEquals(fs[1].applyAsDouble(x), row[1], 1e-12, id + " f'(" + x + ")");
            }
        });
    }

    @Test
    void defaultPointsInAnAlignedTable() {
        Cli.Result result = Cli.run("activations");

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.outLines();
        assertTrue(lines.get(0).matches("activation\\s+x\\s+f\\(x\\)\\s+f'\\(x\\)"), lines.get(0));
        assertEquals(1 + (Activations.all().size() + 1) * 5, lines.size());
        int width = lines.get(0).length();
        for (String line : lines) {
            assertEquals(width, line.length(), "aligned: '" + line + "'");
        }
        assertTrue(lines.contains(String.format("%-10s  %3s  %12s  %12s", "relu", "0.5", "0.500000",
                "1.000000")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("gelu_tanh ")));
    }
}
