package org.activationlab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between launches (theme, scale, window size, recent files), in
 * {@link java.util.prefs.Preferences}. Tests pass their own node so they never touch the user's.
 */
public final class AppPreferences {

    public static final int MAX_RECENT = 8;
    private static final String THEME = "theme";
    private static final String SCALE = "scale";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String RECENT = "recent.";

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's preferences for this app. */
    public static AppPreferences user() {
        return new AppPreferences(Preferences.userRoot().node("org/activationlab"));
    }

    public String theme(String fallback) {
        return node.get(THEME, fallback);
    }

    public void setTheme(String theme) {
        node.put(THEME, theme);
    }

    /** Text and line scale in percent, 100–250. */
    public int scalePercent() {
        return Math.max(100, Math.min(250, node.getInt(SCALE, 100)));
    }

    public void setScalePercent(int percent) {
        node.putInt(SCALE, percent);
    }

    public double windowWidth(double fallback) {
        return node.getDouble(WIDTH, fallback);
    }

    public double windowHeight(double fallback) {
        return node.getDouble(HEIGHT, fallback);
    }

    public void setWindowSize(double width, double height) {
        node.putDouble(WIDTH, width);
        node.putDouble(HEIGHT, height);
    }

    /** Recently opened or saved files, newest first. */
    public List<String> recentFiles() {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String path = node.get(RECENT + i, null);
            if (path != null) {
                list.add(path);
            }
        }
        return list;
    }

    /** Puts {@code path} first in the recent files. */
    public void addRecentFile(String path) {
        List<String> list = recentFiles();
        list.remove(path);
        list.add(0, path);
        storeRecent(list);
    }

    /** Takes {@code path} out of the recent files (it was moved or deleted). */
    public void removeRecentFile(String path) {
        List<String> list = recentFiles();
        if (list.remove(path)) {
            storeRecent(list);
        }
    }

    public void clearRecentFiles() {
        storeRecent(List.of());
    }

    private void storeRecent(List<String> list) {
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) {
                node.put(RECENT + i, list.get(i));
            } else {
                node.remove(RECENT + i);
            }
        }
    }

    /** Writes the preferences to their store now (they are also written on exit). */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Preferences are a convenience: losing them must never stop the app.
        }
    }
}
