package org.activationlab.training;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.Gson;
import com.google.gson.stream.JsonReader;

import org.activationlab.engine.Echo;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The one JSON reader of experiment files and lessons: strict RFC 8259 JSON, nothing more (no
 * comments, unquoted names, single quotes, NaN or Infinity, trailing commas or duplicate names).
 *
 * <p>The text is first checked by a small scanner of our own, which names the line, the column
 * and the problem in words, refuses lists longer than a file can use before any tree is built
 * (so 10 million numbers are refused at once, not after gigabytes), and bounds the nesting and the
 * length of number literals. Only then does Gson, in strict mode, build the tree.
 */
public final class StrictJson {

    /** More entries than any list in a file may have (the points of a dataset). */
    public static final int MAX_LIST = org.activationlab.engine.Dataset.MAX_POINTS;
    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;
    private static final TypeAdapter<JsonElement> TREE = new Gson().getAdapter(JsonElement.class);

    private final String text;
    private int pos;

    private StrictJson(String text) {
        this.text = text;
    }

    /** A problem in the JSON text, with its position in the message. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /** The tree of {@code text} (a leading byte-order mark is skipped). */
    public static JsonElement parse(String text) throws SyntaxException {
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (json.isBlank()) {
            throw new SyntaxException("the file is empty");
        }
        new StrictJson(json).check();
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            return TREE.read(reader);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            // The scanner accepts only what strict Gson accepts; this is a safety net.
            throw new SyntaxException("not valid JSON");
        }
    }

    /** One open object or list while scanning. */
    private static final class Frame {
        final boolean object;
        final Set<String> names;
        final String name;
        int entries;
        String member;

        Frame(boolean object, String name) {
            this.object = object;
            this.names = object ? new HashSet<>() : null;
            this.name = name;
        }
    }

    private final Deque<Frame> stack = new ArrayDeque<>();

    private void check() throws SyntaxException {
        value();
        while (true) {
            skipSpace();
            Frame top = stack.peek();
            if (top == null) {
                if (pos < text.length()) {
                    throw error("more text after the end of the JSON value");
                }
                return;
            }
            if (pos >= text.length()) {
                throw endsEarly();
            }
            char c = text.charAt(pos);
            char close = top.object ? '}' : ']';
            if (c == close) {
                pos++;
                stack.pop();
            } else if (c == ',') {
                pos++;
                skipSpace();
                if (pos < text.length() && (text.charAt(pos) == '}' || text.charAt(pos) == ']')) {
                    throw error("a comma before '" + text.charAt(pos) + "' (JSON allows no comma after the last entry)");
                }
                if (top.object) {
                    name(top);
                } else {
                    entry(top);
                    value();
                }
            } else {
                throw error("expected ',' or '" + close + "' " + (top.object ? "after a value in an object"
                        : "after an entry of a list") + ", found " + found());
            }
        }
    }

    /** Scans one value; an object or list is pushed and finished by {@link #check()}. */
    private void value() throws SyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw endsEarly();
        }
        char c = text.charAt(pos);
        if (c == '{' || c == '[') {
            if (stack.size() >= MAX_DEPTH) {
                throw error("nested more than " + MAX_DEPTH + " levels deep");
            }
            Frame parent = stack.peek();
            Frame frame = new Frame(c == '{', parent == null ? "" : path());
            pos++;
            stack.push(frame);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == (c == '{' ? '}' : ']')) {
                pos++;
                stack.pop();
            } else if (frame.object) {
                name(frame);
            } else {
                entry(frame);
                value();
            }
        } else if (c == '"') {
            string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else if (isCutLiteral()) {
            throw endsEarly();
        } else if (text.startsWith("true", pos) || text.startsWith("null", pos)) {
            literal(4);
        } else if (text.startsWith("false", pos)) {
            literal(5);
        } else {
            throw unexpected();
        }
    }

    /** Whether the text ends inside true, false or null (a file cut off there). */
    private boolean isCutLiteral() {
        String rest = text.substring(pos);
        return rest.length() < 5 && !rest.isEmpty()
                && ("true".startsWith(rest) || "false".startsWith(rest) || "null".startsWith(rest))
                && !rest.equals("true") && !rest.equals("null");
    }

    private void entry(Frame list) throws SyntaxException {
        if (++list.entries > MAX_LIST) {
            throw error((list.name.isEmpty() ? "the list" : list.name) + " has more than " + MAX_LIST
                    + " entries, more than any list in a file may have");
        }
    }

    private void name(Frame object) throws SyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw endsEarly();
        }
        if (text.charAt(pos) != '"') {
            if (text.charAt(pos) == '/' || text.charAt(pos) == '#') {
                throw error("comments are not allowed in JSON");
            }
            if (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '\'') {
                throw error("names need double quotes (\"name\"), found " + found());
            }
            throw error("expected a name in double quotes, found " + found());
        }
        int start = pos;
        string();
        String name = text.substring(start + 1, pos - 1);
        if (!object.names.add(name)) {
            throw error("the name " + Echo.quoted(name) + " appears twice in one object");
        }
        object.member = name;
        skipSpace();
        if (pos >= text.length()) {
            throw endsEarly();
        }
        if (text.charAt(pos) != ':') {
            throw error("expected ':' after the name " + Echo.quoted(name) + ", found " + found());
        }
        pos++;
        value();
    }

    private void string() throws SyntaxException {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                if (pos + 1 >= text.length()) {
                    break;
                }
                char e = text.charAt(pos + 1);
                if (e == 'u') {
                    for (int i = 2; i < 6; i++) {
                        if (pos + i >= text.length()) {
                            throw endsEarly();
                        }
                        if (Character.digit(text.charAt(pos + i), 16) < 0) {
                            throw error("\\u must be followed by four hexadecimal digits");
                        }
                    }
                    pos += 6;
                    continue;
                }
                if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw error("unknown escape \\" + e + " in a text");
                }
                pos += 2;
                continue;
            }
            if (c < 0x20) {
                throw error("a line break or control character inside a text (write it as \\n)");
            }
            pos++;
        }
        throw endsEarly();
    }

    private void number() throws SyntaxException {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '0') {
            pos++;
        } else if (!digits()) {
            throw pos >= text.length() ? endsEarly() : unexpected();
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (!digits()) {
                throw pos >= text.length() ? endsEarly() : error("a number needs digits after its decimal point");
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (!digits()) {
                throw pos >= text.length() ? endsEarly() : error("a number needs digits in its exponent");
            }
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            pos = start;
            throw error("a number of more than " + MAX_NUMBER_LENGTH + " characters");
        }
        if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            throw error("unexpected " + found() + " after a number");
        }
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void literal(int length) throws SyntaxException {
        pos += length;
        if (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos -= length;
            throw unexpected();
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private SyntaxException unexpected() {
        char c = text.charAt(pos);
        if (c == '/' || c == '#') {
            return error("comments are not allowed in JSON");
        }
        if (c == '\'') {
            return error("texts need double quotes (\"text\"), not single quotes");
        }
        String word = word();
        if (word.equals("NaN") || word.equals("Infinity")) {
            return error(word + " is not a number in JSON (use a finite number)");
        }
        if (c == '+' || c == '.') {
            return error("a number must start with a digit or '-', found " + found());
        }
        return error("expected a value (a number, a text in double quotes, true, false, null, "
                + "{ … } or [ … ]), found " + found());
    }

    /** The letters and digits at the position, for messages. */
    private String word() {
        int end = pos;
        while (end < text.length() && end - pos < 60 && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(pos, end);
    }

    private String found() {
        if (pos >= text.length()) {
            return "the end of the file";
        }
        String word = word();
        return word.length() > 1 ? "'" + word + (word.length() == 60 ? "…" : "") + "'"
                : "'" + text.charAt(pos) + "'";
    }

    /** Where the scanner is in the tree, e.g. {@code data.x}. */
    private String path() {
        StringBuilder sb = new StringBuilder();
        java.util.Iterator<Frame> it = stack.descendingIterator();
        while (it.hasNext()) {
            Frame f = it.next();
            if (f.object) {
                if (f.member != null) {
                    sb.append(sb.length() == 0 ? "" : ".").append(Echo.of(f.member));
                }
            } else {
                sb.append('[').append(Math.max(0, f.entries - 1)).append(']');
            }
        }
        return sb.toString();
    }

    private SyntaxException endsEarly() {
        return new SyntaxException("the file ends too early (is it cut off?) at line " + line() + ": "
                + (stack.isEmpty() ? "a value is missing" : "an open " + (stack.peek().object ? "{" : "[")
                + " is not closed"));
    }

    private SyntaxException error(String problem) {
        int line = line();
        int column = pos - text.lastIndexOf('\n', pos - 1);
        return new SyntaxException("not valid JSON at line " + line + ", column " + column + ": " + problem);
    }

    private int line() {
        int line = 1;
        int end = Math.min(pos, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
