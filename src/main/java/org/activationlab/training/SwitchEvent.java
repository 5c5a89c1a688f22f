package org.activationlab.training;

import org.activationlab.engine.Activation;

/** An activation switch, marked on the loss chart at the session epoch where it happened. */
public record SwitchEvent(int epoch, int model, Activation from, Activation to, SwitchMode mode) {
}
