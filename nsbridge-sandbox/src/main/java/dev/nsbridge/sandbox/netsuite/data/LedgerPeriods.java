package dev.nsbridge.sandbox.netsuite.data;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Accounting periods as NetSuite nests them (a fiscal year of four quarters of three months; only months post), the
 * link of every period to the fiscal calendar it belongs to, and one consolidated exchange rate row per posting
 * period and child subsidiary into the parent subsidiary for the primary book.
 */
final class LedgerPeriods {
    private static final long QUARTER_IDS = 100_000;

    private final Generation generation;

    LedgerPeriods(Generation generation) {
        this.generation = generation;
    }

    /** Month ids are derived from the date so transactions can find theirs without a lookup. */
    static long periodId(LocalDate date) {
        return (date.getYear() - 2000L) * 13 + date.getMonthValue();
    }

    private static long yearId(int year) {
        return (year - 2000L) * 13;
    }

    private static long quarterId(int year, int quarter) {
        return QUARTER_IDS + (year - 2000L) * 4 + quarter;
    }

    void write(Connection connection) throws SQLException {
        LocalDate today = generation.now.toLocalDate();
        LocalDate first = today.minusDays(Generation.HISTORY_DAYS + 31L).withDayOfYear(1);
        SplittableRandom random = generation.random("consolidated-rates");
        long rateId = 1;
        try (Inserter periods = new Inserter(connection, "accountingperiod", "id,periodname,startdate,enddate,isyear,"
                + "isquarter,isposting,closed,isadjust,parent,isinactive,closedondate,alllocked,aplocked,arlocked,"
                + "allownonglchanges,lastmodifieddate");
             Inserter calendars = new Inserter(connection, "accountingperiodfiscalcalendars",
                     "accountingperiod,fiscalcalendar,fullname,parent");
             Inserter rates = new Inserter(connection, "consolidatedexchangerate", "id,postingperiod,fromsubsidiary,"
                     + "tosubsidiary,fromcurrency,tocurrency,accountingbook,currentrate,averagerate,historicalrate,"
                     + "isderived,isperiodclosed")) {
            for (int year = first.getYear(); year <= today.getYear() + 1; year++) {
                LocalDate start = LocalDate.of(year, 1, 1);
                LocalDate end = start.withDayOfYear(start.lengthOfYear());
                String yearName = "FY " + year;
                period(periods, calendars, yearId(year), yearName, yearName, start, end, "year", null);
                for (int quarter = 1; quarter <= 4; quarter++) {
                    LocalDate quarterStart = start.withMonth(quarter * 3 - 2);
                    LocalDate quarterEnd = quarterStart.plusMonths(3).minusDays(1);
                    String quarterName = "Q" + quarter + " " + year;
                    period(periods, calendars, quarterId(year, quarter), quarterName, yearName + " : " + quarterName,
                            quarterStart, quarterEnd, "quarter", yearId(year));
                    for (int month = 0; month < 3; month++) {
                        LocalDate monthStart = quarterStart.plusMonths(month);
                        LocalDate monthEnd = monthStart.withDayOfMonth(monthStart.lengthOfMonth());
                        String monthName = LedgerData.monthName(monthStart);
                        long id = periodId(monthStart);
                        boolean closed = period(periods, calendars, id, monthName, yearName + " : " + quarterName
                                + " : " + monthName, monthStart, monthEnd, "month", quarterId(year, quarter));
                        rateId = rates(rates, random, rateId, id, closed);
                    }
                }
            }
        }
    }

    /** Writes one period of the standard calendar; answers whether it is closed. */
    private boolean period(Inserter periods, Inserter calendars, long id, String name, String fullName, LocalDate start,
                           LocalDate end, String kind, Long parent) throws SQLException {
        LocalDate today = generation.now.toLocalDate();
        // A month is closed once the books for it are done, some weeks after it ends; a quarter or year with it.
        boolean closed = end.plusDays(45).isBefore(today);
        LocalDate closedOn = closed ? end.plusDays(20) : null;
        periods.row(id, name, start, end, kind.equals("year"), kind.equals("quarter"), kind.equals("month"), closed,
                false, parent, false, closedOn, closed, closed, closed, false, start.atStartOfDay());
        calendars.row(id, LedgerData.STANDARD_CALENDAR, fullName, parent);
        return closed;
    }

    /** Rates from each child subsidiary's currency into the parent's, for one posting period. */
    private static long rates(Inserter rates, SplittableRandom random, long firstId, long period, boolean closed)
            throws SQLException {
        long id = firstId;
        String[][] currencies = ReferenceData.CURRENCIES;
        for (int from = 2; from <= currencies.length; from++) {
            BigDecimal usual = new BigDecimal(currencies[from - 1][3]);
            BigDecimal current = LedgerData.drift(random, usual, 0.04);
            BigDecimal average = LedgerData.drift(random, usual, 0.03);
            // The historical rate is what equity stays at: the rate when the subsidiary was set up.
            rates.row(id++, period, (long) from, LedgerData.TOP_SUBSIDIARY, Generation.currencyOf(from),
                    Generation.currencyOf(LedgerData.TOP_SUBSIDIARY), LedgerData.PRIMARY_BOOK, current, average, usual,
                    false, closed);
        }
        return id;
    }
}
