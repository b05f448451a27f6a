package org.drillconsole.model.drill;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drillconsole.model.drill.LabelSelector.Operator;
import org.drillconsole.model.drill.LabelSelector.Requirement;

/**
 * Kubernetes' label selector grammar: {@code key=value}, {@code key==value}, {@code key!=value},
 * {@code key in (a,b)}, {@code key notin (a,b)}, {@code key}, {@code !key}, separated by commas.
 */
public final class LabelSelectors {

    /** @param column where in the selector text the problem is, from 1 */
    public static final class SelectorException extends Exception {
        private final int column;

        SelectorException(String message, int column) {
            super(message);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    private final String text;
    private int at;

    private LabelSelectors(String text) {
        this.text = text;
    }

    public static LabelSelector parse(String text) throws SelectorException {
        return new LabelSelectors(text).selector();
    }

    private LabelSelector selector() throws SelectorException {
        List<Requirement> requirements = new ArrayList<>();
        skipSpaces();
        if (at == text.length()) {
            throw new SelectorException("is empty: it would match every workload", 1);
        }
        while (true) {
            requirements.add(requirement());
            skipSpaces();
            if (at == text.length()) {
                return new LabelSelector(requirements);
            }
            if (text.charAt(at) != ',') {
                throw new SelectorException("expected a comma before \"" + rest() + "\"", at + 1);
            }
            at++;
        }
    }

    private Requirement requirement() throws SelectorException {
        skipSpaces();
        if (at < text.length() && text.charAt(at) == '!') {
            at++;
            skipSpaces();
            String key = key();
            return new Requirement(key, Operator.DOES_NOT_EXIST, Set.of());
        }
        String key = key();
        skipSpaces();
        if (at == text.length() || text.charAt(at) == ',') {
            return new Requirement(key, Operator.EXISTS, Set.of());
        }
        if (text.startsWith("==", at) || text.startsWith("!=", at)) {
            Operator op = text.charAt(at) == '!' ? Operator.NOT_EQUALS : Operator.EQUALS;
            at += 2;
            return new Requirement(key, op, Set.of(value()));
        }
        if (text.charAt(at) == '=') {
            at++;
            return new Requirement(key, Operator.EQUALS, Set.of(value()));
        }
        int wordStart = at;
        String word = word();
        if (word.equals("in") || word.equals("notin")) {
            return new Requirement(key, word.equals("in") ? Operator.IN : Operator.NOT_IN, values(word));
        }
        throw new SelectorException("after the key \"" + key + "\" expected =, ==, !=, in, notin, a comma or the end,"
                + " found \"" + (word.isEmpty() ? String.valueOf(text.charAt(wordStart)) : word) + "\"", wordStart + 1);
    }

    private Set<String> values(String operator) throws SelectorException {
        skipSpaces();
        if (at == text.length() || text.charAt(at) != '(') {
            throw new SelectorException("\"" + operator + "\" takes a list of values in parentheses, such as"
                    + " component " + operator + " (server,proxy)", at + 1);
        }
        at++;
        Set<String> values = new LinkedHashSet<>();
        while (true) {
            skipSpaces();
            int start = at;
            String value = word();
            String bad = Names.labelValue(value);
            if (bad != null) {
                throw new SelectorException("the value \"" + value + "\" " + bad, start + 1);
            }
            if (!value.isEmpty()) {
                values.add(value);
            }
            skipSpaces();
            if (at == text.length()) {
                throw new SelectorException("the list of values is not closed with )", at + 1);
            }
            char c = text.charAt(at++);
            if (c == ')') {
                break;
            }
            if (c != ',') {
                throw new SelectorException("expected a comma or ) in the list of values, found \"" + c + "\"", at);
            }
        }
        if (values.isEmpty()) {
            throw new SelectorException("\"" + operator + "\" needs at least one value", at);
        }
        return values;
    }

    private String key() throws SelectorException {
        int start = at;
        String key = word();
        if (key.isEmpty()) {
            throw new SelectorException(at < text.length() ? "expected a label key, found \"" + text.charAt(at) + "\""
                    : "expected a label key at the end", start + 1);
        }
        String bad = Names.labelKey(key);
        if (bad != null) {
            throw new SelectorException("the key \"" + key + "\" " + bad, start + 1);
        }
        return key;
    }

    private String value() throws SelectorException {
        skipSpaces();
        int start = at;
        String value = word();
        String bad = Names.labelValue(value);
        if (bad != null) {
            throw new SelectorException("the value \"" + value + "\" " + bad, start + 1);
        }
        return value;
    }

    /** Letters, digits and the characters that may appear in keys and values. */
    private String word() {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c) || c == ',' || c == '=' || c == '!' || c == '(' || c == ')') {
                break;
            }
            at++;
        }
        return text.substring(start, at);
    }

    private void skipSpaces() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private String rest() {
        return text.substring(at);
    }
}
