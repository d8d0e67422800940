package dev.nsbridge.spi.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a user's filter is exactly one boolean condition of SQL's expression language, as SuiteQL (NetSuite's
 * SQL-92 dialect with Oracle's functions) writes one: comparisons, {@code AND}/{@code OR}/{@code NOT},
 * {@code IS [NOT] NULL}, {@code [NOT] IN (...)}, {@code [NOT] LIKE}, {@code [NOT] BETWEEN}, function calls,
 * arithmetic, {@code CASE}, quoted strings and nested parentheses.
 *
 * <p>The filter is pasted into a query nsbridge builds, so it is parsed rather than searched for bad words: a
 * parenthesis that closes nsbridge's own {@code WHERE}, a second statement, a comment or a clause such as
 * {@code UNION} would let it widen the read instead of narrowing it. Subqueries are refused too: a filter names
 * the columns of the record being read, and a {@code SELECT} is the start of a clause this check does not follow.
 *
 * <pre>{@code
 * SqlCondition.problem("c.id < 200) OR (1=1")   // a ')' closes a parenthesis the filter did not open ...
 * SqlCondition.problem("c.category IN (1, 2)")  // empty: one condition
 * }</pre>
 */
public final class SqlCondition {
    /** Words that start another clause or statement; a condition never needs one. */
    private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "UNION", "INTERSECT", "EXCEPT",
            "MINUS", "ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "FETCH", "INSERT", "UPDATE", "DELETE", "MERGE",
            "DROP", "CREATE", "ALTER", "TRUNCATE", "INTO", "WITH", "JOIN", "ON", "GRANT", "EXEC", "EXECUTE");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final String FIX = "write one condition on the record's columns, e.g."
            + " c.category = 2 AND (c.subsidiary IN (1, 3) OR c.email LIKE '%@example.com')";

    private final List<Token> tokens;
    private int next;

    private SqlCondition(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Empty when {@code text} is one condition; otherwise what is wrong with it and how to fix it. */
    public static Optional<Validator.Invalid> problem(String text) {
        try {
            List<Token> tokens = tokenize(text);
            if (tokens.isEmpty()) {
                throw new Refused("is empty", "remove the filter or write a condition");
            }
            SqlCondition parser = new SqlCondition(tokens);
            boolean condition = parser.or();
            if (parser.next < tokens.size()) {
                Token extra = tokens.get(parser.next);
                if (extra.is(")")) {
                    throw new Refused("has a ')' at position " + extra.position() + " that closes a parenthesis"
                            + " it did not open, which would end the query's own condition", FIX);
                }
                throw new Refused("goes on after a complete condition at '" + extra.text() + "' (position "
                        + extra.position() + ")", "join conditions with AND or OR; " + FIX);
            }
            if (!condition) {
                throw new Refused("is a value, not a condition", "compare it, e.g. c.category = 2");
            }
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(new Validator.Invalid(refused.getMessage(), refused.fix));
        }
    }

    /** The check as a {@link Validator}, for a key holding a filter. */
    public static Validator<String> validator() {
        return new Validator<>() {
            @Override
            public Optional<Invalid> check(String value) {
                return problem(value);
            }

            @Override
            public String description() {
                return "one SQL condition";
            }
        };
    }

    // Each rule returns whether what it read is a condition (true) or a value (false).

    private boolean or() {
        boolean condition = and();
        while (accept("OR")) {
            operandCondition(condition, "OR");
            operandCondition(and(), "OR");
            condition = true;
        }
        return condition;
    }

    private boolean and() {
        boolean condition = not();
        while (accept("AND")) {
            operandCondition(condition, "AND");
            operandCondition(not(), "AND");
            condition = true;
        }
        return condition;
    }

    private boolean not() {
        if (accept("NOT")) {
            operandCondition(not(), "NOT");
            return true;
        }
        return predicate();
    }

    private boolean predicate() {
        boolean condition = additive();
        if (peek().filter(t -> COMPARISONS.contains(t.text())).isPresent()) {
            next++;
            additive();
            return true;
        }
        if (accept("IS")) {
            accept("NOT");
            expect("NULL", "IS must be followed by NULL or NOT NULL");
            return true;
        }
        boolean negated = accept("NOT");
        if (accept("IN")) {
            expect("(", "IN must be followed by a list in parentheses");
            do {
                additive();
            } while (accept(","));
            expect(")", "the IN list is not closed with ')'");
            return true;
        }
        if (accept("LIKE")) {
            additive();
            if (accept("ESCAPE")) {
                additive();
            }
            return true;
        }
        if (accept("BETWEEN")) {
            additive();
            expect("AND", "BETWEEN needs AND between its two bounds");
            additive();
            return true;
        }
        if (negated) {
            throw unexpected("NOT here must be followed by IN, LIKE or BETWEEN");
        }
        return condition;
    }

    private boolean additive() {
        boolean condition = multiplicative();
        while (peek().filter(t -> t.is("+") || t.is("-") || t.is("||")).isPresent()) {
            next++;
            multiplicative();
            condition = false;
        }
        return condition;
    }

    private boolean multiplicative() {
        boolean condition = unary();
        while (peek().filter(t -> t.is("*") || t.is("/") || t.is("%")).isPresent()) {
            next++;
            unary();
            condition = false;
        }
        return condition;
    }

    private boolean unary() {
        if (accept("-") || accept("+")) {
            unary();
            return false;
        }
        return primary();
    }

    private boolean primary() {
        Token token = peek().orElseThrow(() -> new Refused("ends where a value was expected", FIX));
        next++;
        switch (token.kind()) {
            case NUMBER, STRING -> {
                return false;
            }
            case WORD -> {
                String word = token.upper();
                if (CLAUSES.contains(word)) {
                    throw new Refused("holds " + word + " (position " + token.position() + "), which starts another"
                            + " clause or statement; a filter is one condition, without subqueries", FIX);
                }
                if (word.equals("CASE")) {
                    return caseExpression();
                }
                if (word.equals("NULL") || word.equals("TRUE") || word.equals("FALSE")) {
                    return false;
                }
                if (Set.of("DATE", "TIMESTAMP").contains(word)
                        && peek().filter(t -> t.kind() == Kind.STRING).isPresent()) {
                    next++; // a typed literal: DATE '2024-01-31'
                    return false;
                }
                if (Set.of("AND", "OR", "NOT", "IS", "IN", "LIKE", "BETWEEN", "ESCAPE", "WHEN", "THEN", "ELSE",
                        "END").contains(word)) {
                    throw unexpectedAt(token, "a value is missing before it");
                }
                while (accept(".")) {
                    peek().filter(t -> t.kind() == Kind.WORD || t.kind() == Kind.QUOTED)
                            .orElseThrow(() -> unexpected("a name must follow '.'"));
                    next++;
                }
                if (accept("(")) {
                    arguments();
                }
                return false;
            }
            case QUOTED -> {
                return false;
            }
            case SYMBOL -> {
                if (token.is("(")) {
                    boolean condition = or();
                    expect(")", "a '(' at position " + token.position() + " is never closed");
                    return condition;
                }
                throw unexpectedAt(token, "a value was expected");
            }
            default -> throw new IllegalStateException(token.kind().name());
        }
    }

    private void arguments() {
        if (accept(")")) {
            return;
        }
        accept("DISTINCT");
        if (!accept("*")) {
            do {
                or();
            } while (accept(","));
        }
        expect(")", "a function's arguments are not closed with ')'");
    }

    private boolean caseExpression() {
        if (peek().filter(t -> t.is("WHEN")).isEmpty()) {
            additive();
        }
        expect("WHEN", "CASE needs at least one WHEN");
        do {
            or();
            expect("THEN", "each WHEN needs a THEN");
            or();
        } while (accept("WHEN"));
        if (accept("ELSE")) {
            or();
        }
        expect("END", "CASE is not closed with END");
        return false;
    }

    private void operandCondition(boolean condition, String operator) {
        if (!condition) {
            throw new Refused("has a value where " + operator + " needs a condition, at position "
                    + tokens.get(next - 1).position(), "compare the value, e.g. c.isinactive = 'F'");
        }
    }

    private Optional<Token> peek() {
        return next < tokens.size() ? Optional.of(tokens.get(next)) : Optional.empty();
    }

    private boolean accept(String text) {
        if (peek().filter(t -> t.is(text)).isPresent()) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String text, String why) {
        if (!accept(text)) {
            throw unexpected(why);
        }
    }

    private Refused unexpected(String why) {
        return peek().map(t -> unexpectedAt(t, why))
                .orElseGet(() -> new Refused("ends too early: " + why, FIX));
    }

    private static Refused unexpectedAt(Token token, String why) {
        return new Refused("has '" + token.text() + "' at position " + token.position() + " where it cannot be: "
                + why, FIX);
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = closing(text, i, c);
                tokens.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, text.substring(start, i), start + 1));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || "_$#".indexOf(
                        text.charAt(i)) >= 0)) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start + 1));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)))) {
                i = number(text, i);
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start + 1));
            } else if (text.startsWith("--", i) || text.startsWith("/*", i) || text.startsWith("*/", i)) {
                throw new Refused("holds a comment marker '" + text.substring(i, i + 2) + "' at position " + (i + 1)
                        + ", which could hide the rest of the query", "remove the comment; " + FIX);
            } else if (c == ';') {
                throw new Refused("holds ';' at position " + (i + 1) + ", which would start a second statement",
                        "remove it; a filter is one condition (a ';' inside quotes is fine)");
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                String symbol = Set.of("<>", "!=", "<=", ">=", "||").contains(two) ? two : String.valueOf(c);
                if (symbol.length() == 1 && "()=<>+-*/%,.".indexOf(c) < 0) {
                    throw new Refused("holds '" + c + "' at position " + (i + 1) + ", which SQL conditions do not"
                            + " use", "remove it or put it inside quotes; " + FIX);
                }
                i += symbol.length();
                tokens.add(new Token(Kind.SYMBOL, symbol, start + 1));
            }
        }
        return tokens;
    }

    /** The index after the quote that closes the one at {@code start}; a doubled quote stands for itself. */
    private static int closing(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new Refused("opens a " + (quote == '\'' ? "string" : "quoted name") + " at position " + (start + 1)
                + " that is never closed", "close it with " + quote + " (write " + quote + quote
                + " for a quote inside it)");
    }

    private static int number(String text, int start) {
        int i = start;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                i = exponent;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /** One token; {@code position} is 1-based, as a person counts characters. */
    private record Token(Kind kind, String text, int position) {
        boolean is(String wanted) {
            return kind == Kind.SYMBOL ? text.equals(wanted) : kind == Kind.WORD && text.equalsIgnoreCase(wanted);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    /** Why the text is not one condition; thrown inside the parser only, returned as a {@link Validator.Invalid}. */
    private static final class Refused extends RuntimeException {
        private final String fix;

        Refused(String message, String fix) {
            super(message, null, false, false);
            this.fix = fix;
        }
    }
}
