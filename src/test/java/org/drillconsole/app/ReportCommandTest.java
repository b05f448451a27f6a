package org.drillconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drillconsole.model.Side;
import org.drillconsole.sandbox.PracticeCluster;
import org.drillconsole.support.PracticeClustersExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `report` and `history` from the command line, on a run recorded against a kubeconfig with a bearer token. */
class ReportCommandTest {

    static final String TOKEN = "s3cr3t-bearer-9f2d1c";

    @RegisterExtension
    final PracticeClustersExtension practice = new PracticeClustersExtension(Duration.ofMillis(300));

    @TempDir
    Path dir;

    /** A practice kubeconfig whose token is one that must never be written anywhere. */
    Path kubeconfigWithToken(Side side) throws Exception {
        Path original = practice.clusters().kubeconfig(side);
        Path copy = dir.resolve(side.key() + ".kubeconfig");
        practice.clusters().cluster(side).acceptToken(TOKEN);
        Files.writeString(copy, Files.readString(original).replace(PracticeCluster.TOKEN, TOKEN));
        return copy;
    }

    void recordAPracticeRun() throws Exception {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream("done\npractice-standby\npractice-standby\n"
                .getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun run = CliRun.of("run", "src/test/resources/drills/practice-scale-up.yaml",
                    "--primary", kubeconfigWithToken(Side.PRIMARY).toString(),
                    "--standby", kubeconfigWithToken(Side.STANDBY).toString(),
                    "--mode", "practice", "--operator", "alex", "--data-dir", dir.resolve("data").toString());
            assertEquals(0, run.code(), run.out() + run.err());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void exportsEveryFormatWithoutTheTokenAndVerifiesTheJson() throws Exception {
        recordAPracticeRun();
        String data = dir.resolve("data").toString();
        for (String format : List.of("html", "pdf", "md", "json", "junit")) {
            Path file = dir.resolve("out").resolve("run-1." + format);
            Files.createDirectories(file.getParent());
            CliRun report = CliRun.of("report", "1", "--format", format, "-o", file.toString(), "--data-dir", data);
            assertEquals(0, report.code(), report.err());
            assertTrue(report.out().startsWith("wrote " + file + " (run 1, COMPLETED"), report.out());
            assertTrue(Files.size(file) > 1000, format);
        }
        for (String format : List.of("--csv", "--json", "--html")) {
            CliRun history = CliRun.of("history", format, "-o", dir.resolve("out").resolve("history" + format.substring(1))
                    .toString(), "--data-dir", data);
            assertEquals(0, history.code(), history.err());
        }
        try (var files = Files.list(dir.resolve("out"))) {
            for (Path file : files.toList()) {
                String text = file.toString().endsWith(".pdf")
                        ? new org.apache.pdfbox.text.PDFTextStripper().getText(org.apache.pdfbox.Loader.loadPDF(file.toFile()))
                        : Files.readString(file);
                assertFalse(text.contains(TOKEN), "no token in " + file);
                assertTrue(text.contains("practice-standby"), "the context is named in " + file);
            }
        }
        CliRun verify = CliRun.of("report", "verify", dir.resolve("out").resolve("run-1.json").toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());
        assertTrue(verify.out().startsWith("INTACT"), verify.out());

        CliRun table = CliRun.of("history", "--data-dir", data, "--mode", "practice");
        assertEquals(0, table.code());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("1 ") && l.contains("practice-scale-up")
                && l.contains("COMPLETED") && l.contains("WITHIN_OBJECTIVE")), table.out());
    }

    @Test
    void saysWhatIsWrongWithAnUnknownRunAFormatOrATamperedFile() throws Exception {
        String data = dir.resolve("data").toString();
        CliRun missing = CliRun.of("report", "42", "--format", "html", "--data-dir", data);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("there is no run 42 in the journal"), missing.err());

        CliRun format = CliRun.of("report", "1", "--format", "docx", "--data-dir", data);
        assertEquals(Cli.USAGE, format.code());
        assertTrue(format.err().contains("--format must be html, pdf, md, json or junit, not docx"), format.err());

        Path notJson = dir.resolve("report.json");
        Files.writeString(notJson, "{\"schemaVersion\": 1, \"events\": [");
        CliRun broken = CliRun.of("report", "verify", notJson.toString());
        assertEquals(2, broken.code());
        assertTrue(broken.err().contains(notJson + " is not JSON"), broken.err());

        CliRun badMode = CliRun.of("history", "--mode", "chaos", "--data-dir", data);
        assertEquals(Cli.USAGE, badMode.code());
    }
}
