package org.drillconsole.drill;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The first reading of a runbook or values file: bytes to a YAML node tree with positions, or the reasons
 * why not, in the author's words. Whatever the bytes, this returns; it never throws.
 *
 * <p>Refused, each with its line: text that is not UTF-8 (UTF-16 and UTF-32 included), characters YAML does
 * not allow, a file over 1 MiB, more than one YAML document, anchors and aliases (a runbook is read by people
 * one step at a time, and aliases are how YAML bombs are built), explicit tags, and nesting deeper than
 * {@value #MAX_DEPTH} levels. A UTF-8 byte-order mark is accepted and ignored.
 */
final class RunbookYaml {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 32;

    /** @param root null when the file cannot be read as YAML; problems then says why */
    record Parsed(Node root, List<DrillProblem> problems) {
    }

    private RunbookYaml() {
    }

    static Parsed parse(Path file, byte[] bytes, String what) {
        List<DrillProblem> problems = new ArrayList<>();
        String text = decode(file, bytes, what, problems);
        if (text == null) {
            return new Parsed(null, problems);
        }
        if (!allowedCharacters(file, text, problems)) {
            return new Parsed(null, problems);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // found and reported by the reader, with both lines
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 8);
        options.setCodePointLimit(MAX_BYTES + 1);
        Yaml yaml = new Yaml(options);
        try {
            if (!eventsAllowed(file, yaml.parse(new StringReader(text)), problems)) {
                return new Parsed(null, problems);
            }
            Node root = yaml.compose(new StringReader(text));
            if (root == null) {
                problems.add(new DrillProblem(file, 1, 1, "", "the " + what + " is empty"));
            }
            return new Parsed(root, problems);
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String hint = at != null && lineOf(text, at.getLine()).contains("${")
                    && (lineOf(text, at.getLine()).contains("{ ") || lineOf(text, at.getLine()).contains("["))
                    ? " (inside { } or [ ], quote a value that uses a parameter: host: \"${domain}\")" : "";
            problems.add(problem(file, at, "", "not valid YAML: " + describe(e) + hint));
        } catch (YAMLException | IllegalStateException e) {
            problems.add(new DrillProblem(file, 0, 0, "", "not valid YAML: " + plain(e.getMessage())));
        }
        return new Parsed(null, problems);
    }

    /** Walks the events once: one document, no anchors, aliases or tags, bounded depth. */
    private static boolean eventsAllowed(Path file, Iterable<Event> events, List<DrillProblem> problems) {
        int documents = 0;
        int depth = 0;
        for (Event event : events) {
            if (event instanceof DocumentStartEvent) {
                documents++;
                if (documents > 1) {
                    problems.add(problem(file, event.getStartMark(), "", "a second YAML document (after ---): a "
                            + "file holds one document; put each runbook in its own file"));
                    return false;
                }
            } else if (event instanceof AliasEvent alias) {
                problems.add(problem(file, event.getStartMark(), "", "the alias *" + alias.getAnchor()
                        + " is not accepted: anchors and aliases are refused, so that each step reads on its own;"
                        + " write the value out"));
                return false;
            } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
                problems.add(problem(file, event.getStartMark(), "", "the anchor &" + node.getAnchor()
                        + " is not accepted: anchors and aliases are refused, so that each step reads on its own;"
                        + " write the value out"));
                return false;
            }
            String tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                    : event instanceof CollectionStartEvent collection ? collection.getTag() : null;
            if (tag != null) {
                problems.add(problem(file, event.getStartMark(), "", "the YAML tag " + tag.replace("tag:yaml.org,2002:", "!!")
                        + " is not accepted: "
                        + "write the value plainly (quote it to keep it text)"));
                return false;
            }
            if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                problems.add(problem(file, event.getStartMark(), "", "nested more than " + MAX_DEPTH
                        + " levels deep: a runbook is only a few levels deep"));
                return false;
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
        return true;
    }

    /** Strict UTF-8, a UTF-8 byte-order mark skipped; the line and column of the first byte that is not. */
    private static String decode(Path file, byte[] bytes, String what, List<DrillProblem> problems) {
        if (bytes.length > MAX_BYTES) {
            problems.add(new DrillProblem(file, 0, 0, "", "the " + what + " is " + bytes.length / 1024
                    + " KiB: more than the 1024 KiB a runbook may have"));
            return null;
        }
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)
                || bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0) {
            problems.add(new DrillProblem(file, 1, 1, "", "the " + what + " is saved as UTF-16 or UTF-32: save it as"
                    + " UTF-8"));
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            problems.add(new DrillProblem(file, line, column, "", String.format("line %d is not UTF-8 text (byte 0x%02X "
                    + "at column %d): save the %s as UTF-8", line, bytes[bad] & 0xff, column, what)));
            return null;
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** YAML's printable characters: tab, line breaks and the printable Unicode ranges. */
    private static boolean allowedCharacters(Path file, String text, List<DrillProblem> problems) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0x7E || c == 0x85
                    || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF || c >= 0x10000 && c <= 0x10FFFF;
            if (!ok) {
                problems.add(new DrillProblem(file, line, column, "", String.format("the character U+%04X (a control "
                        + "character) is not allowed in YAML: remove it", c)));
                return false;
            }
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static String describe(MarkedYAMLException e) {
        String problem = plain(e.getProblem());
        if (problem.contains("(TAB)") || problem.contains("\\t")) {
            return "a tab character where YAML wants spaces: indent with spaces only";
        }
        String context = e.getContext() == null ? "" : plain(e.getContext());
        return context.isEmpty() ? problem : context + ", " + problem;
    }

    private static String lineOf(String text, int line) {
        return text.lines().skip(line).findFirst().orElse("");
    }

    /** SnakeYAML's own sentence, without escapes of invisible characters. */
    static String plain(String message) {
        if (message == null) {
            return "cannot read it";
        }
        String first = message.lines().findFirst().orElse("").strip();
        return first.replace("\t", "(TAB)");
    }

    static DrillProblem problem(Path file, Mark at, String path, String message) {
        return at == null ? new DrillProblem(file, 0, 0, path, message)
                : new DrillProblem(file, at.getLine() + 1, at.getColumn() + 1, path, message);
    }

    /** For tests and callers that hold text: the same checks on the UTF-8 bytes. */
    static Parsed parse(Path file, String text, String what) {
        return parse(file, text.getBytes(StandardCharsets.UTF_8), what);
    }
}
