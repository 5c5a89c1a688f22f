package org.activationlab.training;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.activationlab.engine.Activation;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelStats;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run can be exported as, from a {@link Snapshot}: the per-epoch statistics and the
 * predictions as CSV (for a spreadsheet), the weights as JSON. Each file is written atomically.
 */
public final class RunExport {

    public static final String WEIGHTS_FORMAT = "activation-lab-weights";

    private RunExport() {
    }

    /**
     * The per-epoch statistics, one format for the window's export and the command line's
     * {@code --csv}: {@code epoch,model,activation,model_epoch,measured,train_loss,mse,
     * grad_norm_1..grad_norm_L,dead_fraction}, one row per model and session epoch from epoch 0
     * (before training). {@code model_epoch} is the model's own count (a switch that restarts it
     * sets it to 0); {@code activation} the one it had then. Where the trainer skipped measuring
     * a model (many models at Max speed), {@code measured} is 0 and the measured columns are
     * empty rather than repeating an older value; {@code train_loss} comes from training itself
     * and is empty only before the model's first epoch. The dead fraction is the mean over the
     * hidden layers.
     */
    public static final String STATISTICS_COLUMNS = "epoch,model,activation,model_epoch,measured,train_loss,mse";

    /** The statistics CSV's header for a network of {@code layers} dense layers. */
    public static String statisticsHeader(int layers) {
        StringBuilder header = new StringBuilder(STATISTICS_COLUMNS);
        for (int l = 1; l <= layers; l++) {
            header.append(",grad_norm_").append(l);
        }
        return header.append(",dead_fraction").toString();
    }

    /** The statistics of the snapshot's session, written atomically to {@code file}. */
    public static void writeStatisticsCsv(Snapshot snapshot, Path file) {
        try (AtomicOutput out = AtomicOutput.open(file, file.toString())) {
            List<String> names = new java.util.ArrayList<>();
            for (ModelStats m : snapshot.models()) {
                names.add(m.name());
            }
            writeStatistics(out, names, snapshot.config().models(), snapshot.histories(), snapshot.switches());
            out.commit();
        }
    }

    /** The statistics of a session trained so far (the command line's {@code --csv}). */
    public static void writeStatistics(AtomicOutput out, TrainingSession session) {
        List<String> names = new java.util.ArrayList<>();
        for (ModelStats m : session.stats()) {
            names.add(m.name());
        }
        writeStatistics(out, names, session.config().models(), session.histories(), session.switches());
    }

    /**
     * @param activations each model's activation now (earlier ones follow from {@code switches})
     */
    public static void writeStatistics(AtomicOutput out, List<String> names, List<Activation> activations,
                                       List<ModelHistory> histories, List<SwitchEvent> switches) {
        int layers = histories.get(0).gradientNorm().size();
        out.println(statisticsHeader(layers));
        int epochs = histories.get(0).mse().length();
        StringBuilder row = new StringBuilder();
        for (int e = 0; e < epochs; e++) {
            for (int m = 0; m < histories.size(); m++) {
                ModelHistory h = histories.get(m);
                if (e >= h.mse().length()) {
                    continue;
                }
                int modelEpoch = (int) h.modelEpoch().get(e);
                boolean measured = h.measuredAt(e);
                row.setLength(0);
                row.append(e).append(',').append(names.get(m))
                        .append(',').append(activationAt(m, e, activations.get(m), switches).id())
                        .append(',').append(modelEpoch)
                        .append(',').append(measured ? 1 : 0)
                        .append(',');
                if (modelEpoch > 0) {
                    row.append(h.trainLoss().get(e));
                }
                row.append(',');
                if (measured) {
                    row.append(h.mse().get(e));
                }
                for (Series g : h.gradientNorm()) {
                    row.append(',');
                    if (measured) {
                        row.append(g.get(e));
                    }
                }
                row.append(',');
                if (measured) {
                    row.append(meanAt(h.deadFraction(), e));
                }
                out.println(row);
            }
        }
    }

    /**
     * Model {@code model}'s activation at session epoch {@code epoch}: a switch recorded at
     * epoch E happened after E's statistics, so it shows from E + 1 on.
     */
    static Activation activationAt(int model, int epoch, Activation now, List<SwitchEvent> switches) {
        Activation a = now;
        for (int i = switches.size() - 1; i >= 0; i--) {
            SwitchEvent s = switches.get(i);
            if (s.model() == model && s.epoch() >= epoch) {
                a = s.from();
            }
        }
        return a;
    }

    private static double meanAt(List<Series> series, int index) {
        if (series.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (Series s : series) {
            sum += s.get(index);
        }
        return sum / series.size();
    }

    /** {@code x,target,<model>...}: every training point and each model's prediction at it. */
    public static void writePredictionsCsv(Snapshot snapshot, Path file) {
        try (AtomicOutput out = AtomicOutput.open(file, file.toString())) {
            writePredictions(out, snapshot.config().data(), snapshot.models());
            out.commit();
        }
    }

    /** The predictions table, for the app's export and the command line's {@code --predictions}. */
    public static void writePredictions(AtomicOutput out, Dataset data, List<ModelStats> models) {
        StringBuilder sb = new StringBuilder("x,target");
        for (ModelStats m : models) {
            sb.append(',').append(m.name());
        }
        out.println(sb);
        float[] xs = data.x();
        float[] ys = data.y();
        for (int i = 0; i < xs.length; i++) {
            sb.setLength(0);
            sb.append(xs[i]).append(',').append(ys[i]);
            for (ModelStats m : models) {
                sb.append(',').append(m.predictions()[i]);
            }
            out.println(sb);
        }
    }

    /**
     * The weights and biases of every model's dense layers: {@code weights[i][j]} connects input
     * {@code i} to unit {@code j}, as in Keras' {@code Dense.kernel}.
     */
    public static String weightsJson(Snapshot snapshot) {
        JsonObject root = new JsonObject();
        root.addProperty("format", WEIGHTS_FORMAT);
        root.addProperty("version", 1);
        root.addProperty("epoch", snapshot.epoch());
        root.addProperty("network", snapshot.config().network().shapeText());
        JsonArray models = new JsonArray();
        for (ModelStats m : snapshot.models()) {
            JsonObject model = new JsonObject();
            model.addProperty("name", m.name());
            model.addProperty("activation", m.activation().id());
            JsonArray layers = new JsonArray();
            for (int l = 0; l < m.weights().size(); l++) {
                layers.add(layer(m, l));
            }
            model.add("layers", layers);
            models.add(model);
        }
        root.add("models", models);
        // A diverged model's weights are NaN or infinite: written as such rather than refused.
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(root);
    }

    private static JsonObject layer(ModelStats m, int l) {
        float[] w = m.weights().get(l);
        float[] b = m.biases().get(l);
        int units = b.length;
        int inputs = units == 0 ? 0 : w.length / units;
        boolean hidden = l < m.weights().size() - 1;
        JsonObject layer = new JsonObject();
        layer.addProperty("inputs", inputs);
        layer.addProperty("units", units);
        layer.addProperty("activation", hidden ? m.activation().id() : "linear");
        if (l < m.layers().size()) {
            LayerStats stats = m.layers().get(l);
            if (!Float.isNaN(stats.learnedSlope())) {
                layer.addProperty("learned_slope", stats.learnedSlope());
            }
        }
        JsonArray rows = new JsonArray(inputs);
        for (int i = 0; i < inputs; i++) {
            JsonArray row = new JsonArray(units);
            for (int j = 0; j < units; j++) {
                row.add(w[i * units + j]);
            }
            rows.add(row);
        }
        layer.add("weights", rows);
        JsonArray biases = new JsonArray(units);
        for (float v : b) {
            biases.add(v);
        }
        layer.add("biases", biases);
        return layer;
    }

    public static void writeWeightsJson(Snapshot snapshot, Path file) {
        try (AtomicOutput out = AtomicOutput.open(file, file.toString())) {
            out.println(weightsJson(snapshot));
            out.commit();
        }
    }
}
