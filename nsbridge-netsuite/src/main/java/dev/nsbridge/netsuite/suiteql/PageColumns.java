package dev.nsbridge.netsuite.suiteql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names of one answer, each given a position once: the rows of a page share them and hold only their
 * values, instead of a map apiece. A name first met in a later row is added then; earlier rows simply lack it.
 */
final class PageColumns {
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    /** The position of a lower-case name, given one if it has none yet. */
    int positionOf(String name) {
        Integer position = positions.get(name);
        if (position == null) {
            position = names.size();
            positions.put(name, position);
            names.add(name);
        }
        return position;
    }

    /** The position of a lower-case name, or -1 when no row of the answer has it. */
    int find(String name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    String name(int position) {
        return names.get(position);
    }

    int size() {
        return names.size();
    }
}
