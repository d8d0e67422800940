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
    private static final long APRIL_YEAR_IDS = 200_000;

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
        int firstYear = today.minusDays(Generation.HISTORY_DAYS + 31L).getYear();
        int lastYear = today.getYear() + 1;
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
            for (int year = firstYear; year <= lastYear; year++) {
                LocalDate start = LocalDate.of(year, 1, 1);
                String yearName = "FY " + year;
                period(periods, calendars, LedgerData.STANDARD_CALENDAR, yearId(year), yearName, yearName, start,
                        start.plusYears(1).minusDays(1), "year", null);
                for (int quarter = 1; quarter <= 4; quarter++) {
                    LocalDate quarterStart = start.plusMonths(quarter * 3L - 3);
                    String quarterName = "Q" + quarter + " " + year;
                    period(periods, calendars, LedgerData.STANDARD_CALENDAR, quarterId(year, quarter), quarterName,
                            yearName + " : " + quarterName, quarterStart, quarterStart.plusMonths(3).minusDays(1),
                            "quarter", yearId(year));
                    for (int month = 0; month < 3; month++) {
                        LocalDate monthStart = quarterStart.plusMonths(month);
                        String monthName = LedgerData.monthName(monthStart);
                        long id = periodId(monthStart);
                        boolean closed = period(periods, calendars, LedgerData.STANDARD_CALENDAR, id, monthName,
                                yearName + " : " + quarterName + " : " + monthName, monthStart,
                                monthStart.plusMonths(1).minusDays(1), "month", quarterId(year, quarter));
                        rateId = rates(rates, random, rateId, id, closed);
                    }
                }
            }
            writeAprilCalendar(periods, calendars, firstYear - 1, lastYear);
        }
    }

    /**
     * The fiscal calendar of a subsidiary whose year starts in April (Japan's). With several calendars NetSuite
     * shares the month periods between them and gives each calendar its own years and quarters; which months belong
     * to which of them is said by accountingperiodfiscalcalendars, whose parent is the period's parent in that
     * calendar.
     */
    private void writeAprilCalendar(Inserter periods, Inserter calendars, int firstYear, int lastYear)
            throws SQLException {
        LocalDate firstMonth = LocalDate.of(firstYear + 1, 1, 1);
        LocalDate lastMonth = LocalDate.of(lastYear, 12, 1);
        for (int year = firstYear; year <= lastYear; year++) {
            LocalDate start = LocalDate.of(year, 4, 1);
            long yearId = APRIL_YEAR_IDS + (year - 2000L) * 5;
            String yearName = "FY " + year + "/" + (year + 1) % 100;
            period(periods, calendars, LedgerData.APRIL_CALENDAR, yearId, yearName, yearName, start,
                    start.plusYears(1).minusDays(1), "year", null);
            for (int quarter = 1; quarter <= 4; quarter++) {
                LocalDate quarterStart = start.plusMonths(quarter * 3L - 3);
                String quarterName = yearName + " Q" + quarter;
                period(periods, calendars, LedgerData.APRIL_CALENDAR, yearId + quarter, quarterName,
                        yearName + " : " + quarterName, quarterStart, quarterStart.plusMonths(3).minusDays(1),
                        "quarter", yearId);
                for (int month = 0; month < 3; month++) {
                    LocalDate monthStart = quarterStart.plusMonths(month);
                    if (!monthStart.isBefore(firstMonth) && !monthStart.isAfter(lastMonth)) {
                        String monthName = LedgerData.monthName(monthStart);
                        calendars.row(periodId(monthStart), LedgerData.APRIL_CALENDAR, yearName + " : " + quarterName
                                + " : " + monthName, yearId + quarter);
                    }
                }
            }
        }
    }

    /**
     * Writes one period of a calendar, linked to it; a month, shared by every calendar, is written by the standard
     * calendar only and linked to the others apart. Answers whether the period is closed.
     */
    private boolean period(Inserter periods, Inserter calendars, long calendar, long id, String name, String fullName,
                           LocalDate start, LocalDate end, String kind, Long parent) throws SQLException {
        LocalDate today = generation.now.toLocalDate();
        // A month is closed once the books for it are done, some weeks after it ends; a quarter or year with it.
        boolean closed = end.plusDays(45).isBefore(today);
        LocalDate closedOn = closed ? end.plusDays(20) : null;
        periods.row(id, name, start, end, kind.equals("year"), kind.equals("quarter"), kind.equals("month"), closed,
                false, parent, false, closedOn, closed, closed, closed, false, start.atStartOfDay());
        calendars.row(id, calendar, fullName, parent);
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
