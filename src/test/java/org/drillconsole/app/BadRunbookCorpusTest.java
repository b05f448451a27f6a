package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad runbooks in {@code src/test/resources/runbooks/bad}: each is validated by the command a
 * user types, and must give its exit code and a message at its line and column, in the runbook's words.
 */
class BadRunbookCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/runbooks/bad");
    /** What a runbook author must never see: Java's names for things. */
    static final Pattern JAVA = Pattern.compile("java\\.|Exception|com\\.fasterxml|org\\.yaml|\\bat org\\.|Cannot "
            + "(construct|deserialize)");

    static Stream<Arguments> corpus() throws Exception {
        return Files.readAllLines(CORPUS.resolve("expectations.tsv")).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("\t"))
                .map(f -> Arguments.of(f[0], Integer.parseInt(f[1]), f[2], f[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadRunbookIsAnsweredAtItsLineInItsAuthorsWords(String file, int exitCode, String location, String words) {
        Path runbook = CORPUS.resolve(file);
        CliRun run = CliRun.of("drills", "validate", runbook.toString());
        assertEquals(exitCode, run.code(), run.out() + run.err());
        assertTrue(run.out().contains(runbook + ":" + location), "expected the location " + location + " in:\n"
                + run.out());
        assertTrue(run.out().contains(words), "expected \"" + words + "\" in:\n" + run.out());
        assertFalse(JAVA.matcher(run.out() + run.err()).find(), run.out() + run.err());
    }

    @Test
    void everyCorpusFileHasItsExpectation() throws Exception {
        List<String> expected = corpus().map(a -> (String) a.get()[0]).sorted().toList();
        try (Stream<Path> files = Files.list(CORPUS)) {
            assertEquals(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList(),
                    expected);
        }
    }

    @Test
    void aMissingFileIsAUsageError() {
        CliRun run = CliRun.of("drills", "validate", "drills/no-such-runbook.yaml");
        assertEquals(Cli.USAGE, run.code());
        assertTrue(run.out().contains("not found"), run.out());
    }

    @Test
    void aFolderIsAUsageError() {
        CliRun run = CliRun.of("drills", "validate", "drills");
        assertEquals(Cli.USAGE, run.code());
        assertTrue(run.out().contains("is a folder"), run.out());
    }

    @Test
    void shippedRunbooksAreValidWithAndWithoutTheirValues() {
        String[] runbooks = {"drills/pilot-light-failover.yaml", "drills/backup-restore.yaml", "drills/failback.yaml",
                "drills/standby-readiness.yaml"};
        CliRun without = CliRun.of(Stream.concat(Stream.of("drills", "validate"), Stream.of(runbooks))
                .toArray(String[]::new));
        assertEquals(0, without.code(), without.out());
        assertTrue(without.out().contains("parameters without a value: domain"), without.out());
        CliRun with = CliRun.of(Stream.concat(Stream.of("drills", "validate", "--values", "drills/values/practice.yaml"),
                Stream.of(runbooks)).toArray(String[]::new));
        assertEquals(0, with.code(), with.out());
        assertEquals(4, with.out().lines().filter(l -> l.startsWith("OK ") && l.contains("preflight")).count(), with.out());
    }

    @Test
    void aValueThatIsNotAHostNameIsRefusedWithTheParameterNamed() {
        CliRun run = CliRun.of("drills", "validate", "--set", "domain=gitpod example.com",
                "drills/pilot-light-failover.yaml");
        assertEquals(1, run.code(), run.out());
        assertTrue(run.out().contains("the value of domain given in --set \"gitpod example.com\" is not a host name"), run.out());
    }

    @Test
    void aValuesFileWithABadValueIsNamedAtItsLine(@TempDir Path dir) throws Exception {
        Path values = Files.writeString(dir.resolve("prod.yaml"), "namespace: gitpod\ndomain: https://gitpod.acme.test\n");
        CliRun run = CliRun.of("drills", "validate", "--values", values.toString(), "drills/backup-restore.yaml");
        assertEquals(1, run.code(), run.out());
        assertTrue(run.out().contains(values + ":2:9 domain: the value for domain \"https://gitpod.acme.test\" is not a"
                + " host name"), run.out());
    }

    @Test
    void anUnknownSetIsRefusedWithANearMiss() {
        CliRun run = CliRun.of("drills", "validate", "--set", "domian=x.example.com", "drills/pilot-light-failover.yaml");
        assertEquals(1, run.code(), run.out());
        assertTrue(run.out().contains("domian=x.example.com (--set) is for a parameter this runbook does not have (it has domain,"
                + " namespace); did you mean domain?"), run.out());
    }
}
