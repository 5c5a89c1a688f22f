package org.activationlab.engine;

/**
 * What a teacher shows about an activation beside its plot: the facts of the classic comparison
 * tables, as short display strings.
 *
 * @param outputRange   e.g. "[0, ∞)"
 * @param zeroCentred   whether outputs are centred on zero (helps the next layer's updates)
 * @param saturates     whether f′ tends to 0 at one or both ends (ReLU's f′ is 0 for all x < 0),
 *                      so large inputs on that side pass (almost) no gradient back
 * @param vanishing     how prone to vanishing gradients, in a few words
 * @param exploding     how prone to exploding gradients, in a few words
 * @param cost          relative cost to compute ("cheap", "moderate", "expensive")
 * @param typicalUse    where it is typically used
 */
public record ActivationFacts(String outputRange, boolean zeroCentred, boolean saturates,
                              String vanishing, String exploding, String cost, String typicalUse) {
}
