package org.drillconsole.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of runbooks made by mutating the shipped ones the way people and tools break files: lines
 * dropped, doubled, swapped or re-indented, values replaced by values of another type, keys misspelt, junk
 * bytes and control characters inserted, files cut short, a second document appended. Whatever comes out,
 * the loader answers with problems that each carry a line and column, in words, and never fails itself.
 * The seed is fixed, so a failure names a case that can be reproduced.
 */
class GeneratedRunbooksTest {

    static final int CASES = 2400;
    static final long SEED = 20261201L;
    static final Pattern JAVA = Pattern.compile("java\\.|Exception|com\\.fasterxml|org\\.yaml|Cannot (construct|deserialize)");
    static final String[] VALUES = {"[]", "{}", "~", "null", "1.5", "-1", "0", "99999999999999999999", "\"x y\"", "&a x",
            "*a", "!!str x", "!custom x", "${nope}", "${domain}", "\"${\"", "$${domain}", "[a, [b, {c: d}]]", "true",
            "0x1F", ".inf", "''", "\"\"", "|", ">", "@", "`", "- a", "a: b: c", "\"\\u0000\"", "é", "🚀", "2026-12-01",
            "{ kind: scale }", "[{ id: x }]", "app in (a,", "!app", "a=b,c notin (d)", "10000000h", "5m5m", "1h30m"};

    @TempDir
    Path dir;

    @Test
    void noMutationOfAShippedRunbookBreaksTheLoader() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> runbooks = Files.list(Path.of("drills"))) {
            for (Path runbook : runbooks.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                seeds.add(Files.readAllBytes(runbook));
            }
        }
        seeds.add(Files.readAllBytes(Path.of("src/test/resources/drills/practice-scale-up.yaml")));
        ParameterValues practice = ParameterValues.none().file(Path.of("drills/values/practice.yaml"));
        Random random = new Random(SEED);
        int rejected = 0;
        long slowestNanos = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] original = seeds.get(i % seeds.size());
            byte[] mutated = original;
            int mutations = 1 + random.nextInt(3);
            StringBuilder how = new StringBuilder();
            for (int m = 0; m < mutations; m++) {
                mutated = mutate(mutated, random, how);
            }
            Path file = Files.write(dir.resolve("case-" + i + ".yaml"), mutated);
            boolean requireValues = random.nextBoolean();
            long started = System.nanoTime();
            DrillLoader.Checked checked;
            try {
                checked = DrillLoader.check(file, requireValues ? practice : ParameterValues.none(), requireValues);
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " (" + how + ") threw " + e, e);
            }
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - started);
            if (!checked.problems().isEmpty()) {
                rejected++;
            }
            for (DrillProblem problem : checked.problems()) {
                String text = problem.toString();
                assertFalse(problem.message().equals(DrillLoader.INTERNAL_ERROR), "case " + i + " (" + how + "): " + text);
                assertTrue(problem.line() >= 1 && problem.column() >= 1, "case " + i + " (" + how + ") has no location: "
                        + text);
                assertFalse(JAVA.matcher(text).find(), "case " + i + " (" + how + ") speaks Java: " + text);
                assertFalse(problem.message().isBlank(), "case " + i + " (" + how + ") says nothing");
            }
            if (checked.drill() != null) {
                assertTrue(checked.problems().isEmpty(), "case " + i + ": a runbook with problems was accepted");
            }
        }
        assertTrue(rejected > CASES / 2, "the mutations should break most runbooks, broke " + rejected);
        assertTrue(slowestNanos < 2_000_000_000L, "the slowest case took " + slowestNanos / 1_000_000 + " ms");
    }

    /**
     * Values files and --set values are written by users too: mutated values files and random assignments
     * never break the loader, and every problem is said in words, a values file's at its line.
     */
    @Test
    void noMutationOfAValuesFileOrAssignmentBreaksTheLoader() throws Exception {
        List<byte[]> seeds = List.of(Files.readAllBytes(Path.of("drills/values/practice.yaml")),
                Files.readAllBytes(Path.of("drills/values/example-installation.yaml")));
        List<Path> runbooks;
        try (Stream<Path> listed = Files.list(Path.of("drills"))) {
            runbooks = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Random random = new Random(SEED + 1);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789.-_=:/ ${}*[]\t\u0000\u00e9\u202e\ud83d\ude80";
        int rejected = 0;
        for (int i = 0; i < CASES / 4; i++) {
            byte[] mutated = seeds.get(i % seeds.size());
            StringBuilder how = new StringBuilder();
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                mutated = mutate(mutated, random, how);
            }
            Path values = Files.write(dir.resolve("values-" + i + ".yaml"), mutated);
            ParameterValues given = ParameterValues.none().file(values);
            StringBuilder assignment = new StringBuilder(random.nextBoolean() ? "domain=" : "namespace=");
            for (int c = random.nextInt(12); c > 0; c--) {
                assignment.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(4) == 0) {
                given.set(assignment.toString(), runbooks.get(0));
            }
            Path runbook = runbooks.get(random.nextInt(runbooks.size()));
            DrillLoader.Checked checked;
            try {
                checked = DrillLoader.check(runbook, given, true);
            } catch (RuntimeException e) {
                throw new AssertionError("values case " + i + " (" + how + ", " + assignment + ") threw " + e, e);
            }
            if (!checked.problems().isEmpty()) {
                rejected++;
            }
            for (DrillProblem problem : checked.problems()) {
                String text = problem.toString();
                assertFalse(JAVA.matcher(text).find(), "values case " + i + " (" + how + ") speaks Java: " + text);
                assertFalse(problem.message().isBlank(), "values case " + i + " (" + how + ") says nothing");
                assertFalse(problem.message().equals(DrillLoader.INTERNAL_ERROR), "values case " + i + ": " + text);
                if (problem.file().equals(values)) {
                    assertTrue(problem.line() >= 1, "values case " + i + " (" + how + ") has no line: " + text);
                }
            }
        }
        assertTrue(rejected > CASES / 20, "the mutations should break some values, broke " + rejected);
    }

    @Test
    void theSameSeedMakesTheSameCases() {
        byte[] text = "a: 1\nb: [x, y]\nc: { d: e }\n".getBytes(StandardCharsets.UTF_8);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        assertEquals(Arrays.toString(mutate(text, new Random(7), first)), Arrays.toString(mutate(text, new Random(7),
                second)));
        assertEquals(first.toString(), second.toString());
    }

    /** One mutation, described in {@code how} so a failing case can be understood. */
    static byte[] mutate(byte[] bytes, Random random, StringBuilder how) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(Math.max(1, lines.size()));
        int kind = random.nextInt(11);
        how.append(kind).append('@').append(at).append(' ');
        switch (kind) {
            case 0 -> lines.remove(Math.min(at, lines.size() - 1));
            case 1 -> lines.add(at, lines.get(Math.min(at, lines.size() - 1)));
            case 2 -> {
                String line = lines.get(Math.min(at, lines.size() - 1));
                int colon = line.indexOf(": ");
                String value = VALUES[random.nextInt(VALUES.length)];
                lines.set(Math.min(at, lines.size() - 1), colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value);
            }
            case 3 -> {
                byte[] junk = new byte[1 + random.nextInt(4)];
                random.nextBytes(junk);
                int position = random.nextInt(bytes.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, position);
                out.writeBytes(junk);
                out.write(bytes, position, bytes.length - position);
                return out.toByteArray();
            }
            case 4 -> {
                String line = lines.get(Math.min(at, lines.size() - 1));
                int shift = random.nextInt(7) - 3;
                lines.set(Math.min(at, lines.size() - 1), shift > 0 ? " ".repeat(shift) + line
                        : line.substring(Math.min(-shift, line.length() - line.stripLeading().length())));
            }
            case 5 -> {
                int other = random.nextInt(lines.size());
                String swap = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, swap);
            }
            case 6 -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            }
            case 7 -> lines.add("---\n" + text);
            case 8 -> {
                String line = lines.get(Math.min(at, lines.size() - 1));
                int colon = line.indexOf(':');
                if (colon > 1) {
                    int c = random.nextInt(colon);
                    char replacement = "abcdefghijklmnopqrstuvwxyz_-$ \t".charAt(random.nextInt(31));
                    lines.set(Math.min(at, lines.size() - 1), line.substring(0, c) + replacement + line.substring(c + 1));
                }
            }
            case 9 -> lines.add(at, " ".repeat(random.nextInt(8)) + "extra" + random.nextInt(3) + ": "
                    + VALUES[random.nextInt(VALUES.length)]);
            default -> {
                char[] invisible = {'\t', '\u0000', '\u0007', '\u001b', '\u00a0', '\ufeff', '\u2028', '\r'};
                String line = lines.get(Math.min(at, lines.size() - 1));
                int position = random.nextInt(line.length() + 1);
                lines.set(Math.min(at, lines.size() - 1), line.substring(0, position)
                        + invisible[random.nextInt(invisible.length)] + line.substring(position));
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHundredThousandNestedListsAreRefusedQuickly() throws Exception {
        Path file = Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(100_000) + "]".repeat(100_000));
        DrillLoader.Checked checked = DrillLoader.check(file, ParameterValues.none(), false);
        assertEquals(1, checked.problems().size(), checked.problems().toString());
        assertTrue(checked.problems().get(0).message().contains("nested more than"), checked.problems().toString());
    }

    @Test
    void aBillionLaughsIsRefusedAtItsFirstAnchor() throws Exception {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        Path file = Files.writeString(dir.resolve("lol.yaml"), yaml);
        DrillLoader.Checked checked = DrillLoader.check(file, ParameterValues.none(), false);
        assertEquals("1:4", checked.problems().get(0).line() + ":" + checked.problems().get(0).column());
        if (checked.drill() != null) {
            fail("accepted");
        }
    }
}
