package org.activationlab.app;

/** Placeholder until the command line lands. */
final class Cli {
    private Cli() {
    }

    static int run(String... args) {
        System.err.println("error: the command line is not built yet");
        return 2;
    }
}
