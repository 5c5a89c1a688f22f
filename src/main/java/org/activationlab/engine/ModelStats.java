package org.activationlab.engine;

import java.util.List;

/**
 * One model's state after an epoch: an immutable value that may be handed to any thread. Arrays
 * are copies owned by this record and must not be modified.
 *
 * @param name            the model's name in the comparison, e.g. "relu" or "linear"
 * @param activation      its hidden activation
 * @param epoch           epochs this model has trained since it (re)started
 * @param trainLoss       mean of the epoch's batch losses, as Keras' {@code fit} reports it
 * @param mse             mean squared error on all training points after the epoch
 * @param predictions     the model's output at every training x
 * @param gridPredictions the model's output at every x of {@link Dataset#gridX()}
 * @param layers          per dense layer, hidden layers first, the output layer last
 * @param diverged        true once the loss became NaN or infinite; the model then stops
 * @param divergedAtEpoch the epoch at which it diverged, or −1
 * @param weights         per dense layer, a copy of its weights (inputs × units, row-major)
 * @param biases          per dense layer, a copy of its biases
 * @param shape           kinks or collapsed line of the function the weights compute
 */
public record ModelStats(String name, Activation activation, int epoch, double trainLoss,
                         double mse, float[] predictions, float[] gridPredictions,
                         List<LayerStats> layers, boolean diverged, int divergedAtEpoch,
                         List<float[]> weights, List<float[]> biases, FunctionShape shape) {

    public ModelStats {
        layers = List.copyOf(layers);
        weights = List.copyOf(weights);
        biases = List.copyOf(biases);
    }

    /** Mean share of dead units over the hidden layers. */
    public double deadFraction() {
        double sum = 0;
        int n = 0;
        for (LayerStats l : layers) {
            if (l.hidden()) {
                sum += l.deadFraction();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
