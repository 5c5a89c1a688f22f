package org.activationlab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A menu laid out in named sections, in a fixed order, with a separator between sections that
 * have items: where an item shows does not depend on which feature was installed first. Items
 * that a feature adds to the menu directly stay after the sections.
 */
final class MenuSections {

    private final Menu menu;
    private final Map<String, List<MenuItem>> sections = new LinkedHashMap<>();
    /** How many of the menu's first items are the sections' (items and separators). */
    private int laidOut;

    MenuSections(Menu menu, List<String> names) {
        this.menu = menu;
        for (String name : names) {
            sections.put(name, new ArrayList<>());
        }
    }

    Menu menu() {
        return menu;
    }

    List<String> names() {
        return List.copyOf(sections.keySet());
    }

    /** Adds {@code items} at the end of section {@code name}. */
    void add(String name, MenuItem... items) {
        List<MenuItem> section = sections.get(name);
        if (section == null) {
            throw new IllegalArgumentException("menu " + menu.getText() + " has no section " + name
                    + "; it has " + sections.keySet());
        }
        section.addAll(List.of(items));
        List<MenuItem> laid = new ArrayList<>();
        for (List<MenuItem> s : sections.values()) {
            if (s.isEmpty()) {
                continue;
            }
            if (!laid.isEmpty()) {
                laid.add(new SeparatorMenuItem());
            }
            laid.addAll(s);
        }
        List<MenuItem> others = new ArrayList<>(menu.getItems().subList(laidOut, menu.getItems().size()));
        laid.addAll(others);
        menu.getItems().setAll(laid);
        laidOut = laid.size() - others.size();
    }
}
