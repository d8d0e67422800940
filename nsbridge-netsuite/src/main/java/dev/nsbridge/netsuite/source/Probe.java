package dev.nsbridge.netsuite.source;

import dev.nsbridge.netsuite.suiteql.DateConventions;
import dev.nsbridge.netsuite.suiteql.Identifiers;
import dev.nsbridge.netsuite.suiteql.SuiteQl;
import dev.nsbridge.netsuite.suiteql.SuiteQlQuery;
import dev.nsbridge.netsuite.suiteql.SuiteQlRow;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect;
import dev.nsbridge.netsuite.suiteql.SuiteQlSelect.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The one cheap query a read starts with: {@code COUNT(*)}, {@code MIN} and {@code MAX} of the leading key (to
 * plan id ranges) and of the cursor (the watermark the read will commit), plus any counts the read needs to know
 * whether there is anything else to do (deletions, changed lines) as scalar subqueries. Because everything is in
 * one query, a run with nothing new costs exactly one request.
 */
final class Probe {
    static final String COUNT = "n";
    private static final String LOW = "lo";
    private static final String HIGH = "hi";
    private static final String SERVER_NOW = "servernow";

    private final SuiteQlSelect select;
    private final List<String> projections = new ArrayList<>();
    private final List<String> params = new ArrayList<>();

    Probe(SuiteQlSelect select) {
        this.select = select;
        projections.add("COUNT(*) AS " + COUNT);
        projections.add("TO_CHAR(SYSDATE, '" + DateConventions.TO_CHAR_FORMAT + "') AS " + SERVER_NOW);
    }

    Probe keyRange(String key) {
        String name = Identifiers.require(key, "column");
        projections.add("MIN(" + name + ") AS " + LOW);
        projections.add("MAX(" + name + ") AS " + HIGH);
        return this;
    }

    /** The latest value of {@code column} among the rows, as {@code alias}. */
    Probe latest(String column, String alias) {
        projections.add("TO_CHAR(MAX(" + Identifiers.require(column, "column") + "), '"
                + DateConventions.TO_CHAR_FORMAT + "') AS " + Identifiers.require(alias, "alias"));
        return this;
    }

    /**
     * The latest value of {@code column} among the rows, as {@code alias}, for a date a query projected with
     * {@code TO_CHAR(col, 'YYYY-MM-DD HH24:MI:SS')}: that text sorts as the time does, and {@code TO_CHAR} again
     * would not take it (Oracle's TO_CHAR of a string takes no format).
     */
    Probe latestText(String column, String alias) {
        projections.add("MAX(" + Identifiers.require(column, "column") + ") AS " + Identifiers.require(alias, "alias"));
        return this;
    }

    /**
     * How many rows have {@code cursor} strictly after {@code after}, as {@code alias}: what is new since the last
     * run, as opposed to the rows the lookback reads again.
     */
    Probe newerThan(String cursor, Instant after, DateConventions dates, String alias) {
        projections.add("SUM(CASE WHEN " + Identifiers.require(cursor, "column") + " > TO_DATE(?, '"
                + DateConventions.TO_CHAR_FORMAT + "') THEN 1 ELSE 0 END) AS " + Identifiers.require(alias, "alias"));
        params.add(dates.toDateParameter(after));
        return this;
    }

    /** A scalar subquery, e.g. {@code SELECT COUNT(*) FROM deletedrecord WHERE …}, as {@code alias}. */
    Probe scalar(String alias, Condition subquery) {
        projections.add("(" + subquery.text() + ") AS " + Identifiers.require(alias, "alias"));
        params.addAll(subquery.params());
        return this;
    }

    Result run(SuiteQl suiteQl) {
        List<String> all = new ArrayList<>(params);
        StringBuilder text = new StringBuilder("SELECT ").append(String.join(", ", projections))
                .append(" FROM ").append(select.fromClause().text());
        all.addAll(select.fromClause().params());
        if (!select.conditions().isEmpty()) {
            text.append(" WHERE ").append(select.conditions().stream().map(c -> "(" + c.text() + ")")
                    .collect(Collectors.joining(" AND ")));
            select.conditions().forEach(c -> all.addAll(c.params()));
        }
        List<SuiteQlRow> rows = suiteQl.page(new SuiteQlQuery(text.toString(), all), 0, 1).rows();
        return new Result(rows.isEmpty() ? null : rows.get(0));
    }

    /** The probe's answer; an aggregate over no rows is NULL, which NetSuite leaves out. */
    static final class Result {
        private final SuiteQlRow row;

        Result(SuiteQlRow row) {
            this.row = row;
        }

        long count(String alias) {
            Long value = row == null ? null : row.integer(alias);
            return value == null ? 0 : value;
        }

        long count() {
            return count(COUNT);
        }

        OptionalLong low() {
            return number(LOW);
        }

        OptionalLong high() {
            return number(HIGH);
        }

        Optional<Instant> latest(String alias) {
            return Optional.ofNullable(row == null ? null : row.timestamp(alias));
        }

        /**
         * A latest value fit to be a watermark: no later than the second before NetSuite's own clock at the probe.
         * Stamps are whole seconds, so a row changed after the probe but within the same second would carry a
         * cursor equal to the watermark and never count as newer; capped, it does. NetSuite's clock, never ours.
         */
        Optional<Instant> settled(String alias) {
            Optional<Instant> latest = latest(alias);
            Optional<Instant> now = latest(SERVER_NOW);
            if (latest.isEmpty() || now.isEmpty()) {
                return latest;
            }
            Instant cap = now.get().minusSeconds(1);
            return Optional.of(latest.get().isAfter(cap) ? cap : latest.get());
        }

        private OptionalLong number(String alias) {
            Long value = row == null ? null : row.integer(alias);
            return value == null ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }
}
