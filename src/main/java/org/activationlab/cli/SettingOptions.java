package org.activationlab.cli;

import org.activationlab.engine.Initializer;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.Setting;
import org.activationlab.engine.TargetFunction;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * The command line's options for experiment settings, from the settings table ({@link Setting}):
 * their defaults ({@link Defaults}), their descriptions ({@link Help}, a resource bundle keyed by
 * the setting's name) and their range checks ({@link #check}).
 */
public final class SettingOptions {

    private SettingOptions() {
    }

    /**
     * The table's default of each option that sets a setting. The learning rate has none: an
     * optimiser without {@code --lr} gets its own default.
     */
    public static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argSpec) {
            if (argSpec instanceof OptionSpec option) {
                return Setting.byOption(option.longestName())
                        .filter(s -> s != Setting.LEARNING_RATE)
                        .map(Setting::defaultText).orElse(null);
            }
            return null;
        }
    }

    /** Descriptions for {@code descriptionKey = "<SETTING>"}: the table's help, range and default. */
    public static final class Help extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            List<Object[]> entries = new ArrayList<>();
            for (Setting s : Setting.values()) {
                if (s.option().isPresent()) {
                    entries.add(new Object[] {s.name(), description(s)});
                }
            }
            return entries.toArray(new Object[0][]);
        }
    }

    /** The help of a setting's option, e.g. "Mini-batch size, 1–1024 (default: 32)." */
    static String description(Setting s) {
        return switch (s) {
            case TARGET -> s.help() + " on [-2π, 2π]: " + TargetFunction.ids() + " (default: "
                    + s.defaultText() + ").";
            case OPTIMIZER -> s.help() + ": " + ids(Arrays.stream(OptimizerKind.values()).map(OptimizerKind::id).toList())
                    + " (default: " + s.defaultText() + ").";
            case INITIALIZER -> s.help() + ": " + ids(Arrays.stream(Initializer.values()).map(Initializer::id).toList())
                    + " (default: " + s.defaultText() + ").";
            case LEARNING_RATE -> s.help() + ", " + s.rangeText() + " (default: " + OptimizerKind.ADAM.defaultLearningRate()
                    + " for adam and rmsprop, " + OptimizerKind.SGD.defaultLearningRate()
                    + " for sgd, momentum and nesterov).";
            default -> s.description();
        };
    }

    private static String ids(List<String> ids) {
        return String.join(", ", ids);
    }

    /**
     * Checks an option's value against the table.
     *
     * @throws CliException "--lr must be in [1e-7, 10], got 11"
     */
    static double check(Setting s, double value) {
        if (!s.accepts(value)) {
            throw new CliException(s.option().orElseThrow() + " must be " + s.rangeText() + ", got "
                    + Setting.format(value));
        }
        return value;
    }
}
