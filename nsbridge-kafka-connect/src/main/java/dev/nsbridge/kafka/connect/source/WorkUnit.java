package dev.nsbridge.kafka.connect.source;

import dev.nsbridge.spi.source.ReadRequest.IdRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.config.ConfigException;

/**
 * What one task reads with one State: a whole stream, or one id range of a table that {@code split.<table>} cuts
 * at the ids it lists (the first range open below, the last open above, so new rows always have a place). The
 * cuts are the user's, not a count taken at start, so a range and its offset keep their name across restarts.
 *
 * @param stream the table or query
 * @param ids    the range of the table's leading key, if the table is split
 */
record WorkUnit(String stream, Optional<IdRange> ids) {
    static final String SPLIT_PREFIX = "split.";
    private static final String RANGE_MARK = "@";

    /** The text a task's configuration carries, e.g. {@code transactionline@100000-200000}. */
    String text() {
        return stream + ids.map(range -> RANGE_MARK + range.text()).orElse("");
    }

    static WorkUnit parse(String text) {
        int mark = text.indexOf(RANGE_MARK);
        if (mark < 0) {
            return new WorkUnit(text, Optional.empty());
        }
        String[] ends = text.substring(mark + 1).split("-", -1);
        return new WorkUnit(text.substring(0, mark), Optional.of(new IdRange(bound(ends[0]), bound(ends[1]))));
    }

    private static OptionalLong bound(String text) {
        return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    }

    /**
     * Every table's units in order (its ranges when split) then every query's; a {@link ConfigException} naming
     * the {@code split.<table>} key to fix otherwise.
     */
    static List<WorkUnit> all(List<String> tables, List<String> queries, Map<String, String> originals) {
        List<WorkUnit> units = new ArrayList<>();
        originals.keySet().stream().filter(key -> key.startsWith(SPLIT_PREFIX)).forEach(key -> {
            String table = key.substring(SPLIT_PREFIX.length());
            if (tables.stream().noneMatch(table::equalsIgnoreCase)) {
                throw new ConfigException(key, originals.get(key), "names no table of " + NetSuiteSourceConfig.TABLES
                        + "; fix: split one of " + String.join(", ", tables) + ", or remove the key");
            }
        });
        for (String table : tables) {
            String name = table.toLowerCase(Locale.ROOT);
            String cuts = originals.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(SPLIT_PREFIX + table))
                    .map(Map.Entry::getValue).findFirst().orElse("");
            units.addAll(ranges(name, SPLIT_PREFIX + table, cuts));
        }
        queries.forEach(query -> units.add(new WorkUnit(query.toLowerCase(Locale.ROOT), Optional.empty())));
        return units;
    }

    private static List<WorkUnit> ranges(String table, String key, String cuts) {
        List<Long> at = new ArrayList<>();
        for (String cut : cuts.split(",")) {
            if (cut.isBlank()) {
                continue;
            }
            try {
                at.add(Long.parseLong(cut.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException(key, cuts, "is not a list of ids; fix: list the ids to cut " + table
                        + " at, in ascending order, e.g. 100000,200000");
            }
            if (at.size() > 1 && at.get(at.size() - 1) <= at.get(at.size() - 2)) {
                throw new ConfigException(key, cuts, "is not in ascending order; fix: list each id once, smallest"
                        + " first");
            }
        }
        if (at.isEmpty()) {
            return List.of(new WorkUnit(table, Optional.empty()));
        }
        List<WorkUnit> units = new ArrayList<>();
        OptionalLong from = OptionalLong.empty();
        for (long cut : at) {
            units.add(new WorkUnit(table, Optional.of(new IdRange(from, OptionalLong.of(cut)))));
            from = OptionalLong.of(cut);
        }
        units.add(new WorkUnit(table, Optional.of(new IdRange(from, OptionalLong.empty()))));
        return units;
    }
}
