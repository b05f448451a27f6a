package org.drillconsole.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every format written from one recorded failover run, read back with an independent parser. */
class ReportFormatsTest {

    @TempDir
    Path dir;

    RunReport report;

    @BeforeEach
    void recordARun() throws Exception {
        report = RecordedRun.report(dir);
    }

    byte[] write(ReportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(report, out);
        return out.toByteArray();
    }

    static Document xml(byte[] bytes) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void derivesStepsObjectivesAndEvidenceFromTheJournal() {
        assertEquals(5, report.steps().size());
        assertEquals(RunReport.WaitingFor.PEOPLE, report.steps().get(0).waitingFor());
        assertEquals(RunReport.WaitingFor.CLUSTER, report.steps().get(1).waitingFor());
        assertEquals(java.time.Duration.ofSeconds(60), report.steps().get(1).duration());
        assertEquals(java.time.Instant.parse("2026-11-20T08:45:00Z"), report.clockStart(), "backdated to the outage");
        assertEquals(2, report.preflight().size());
        assertEquals("by alex: replica lag is known, go ahead", report.preflightOverride());
        assertEquals("COMPLETED, objective missed", report.outcome(), "RPO 40m against 15m");
        assertEquals(2, report.healthAtStart().size());
        assertEquals(1, report.warnings().size());
        assertTrue(report.chainIntact());
        assertEquals(report.events().get(report.events().size() - 1).hash(), report.chainHead());
    }

    @Test
    void aRunWhoseRecoveredSideWasNotHealthyIsCalledIncompleteNotMissedNorWithin() throws Exception {
        org.drillconsole.model.journal.RunSummary s = report.summary();
        org.drillconsole.model.journal.RunSummary within = new org.drillconsole.model.journal.RunSummary(s.rto(),
                s.rtoObjective(), s.rto(), s.rto(), s.humanTime(), s.clusterTime(), s.cleanupDone(), s.standbyNodes(),
                s.outageStart(), s.outageStartSource(), null);
        org.drillconsole.model.journal.RunSummary incomplete = new org.drillconsole.model.journal.RunSummary(s.rto(),
                s.rtoObjective(), s.rto(), s.rto(), s.humanTime(), s.clusterTime(), s.cleanupDone(), s.standbyNodes(),
                s.outageStart(), s.outageStartSource(), "standby DEGRADED: partly scaled to zero: ws-manager");
        assertEquals("COMPLETED, within objectives", withSummary(within).outcome());
        assertTrue(withSummary(within).withinObjectives());
        report = withSummary(incomplete);
        assertEquals("COMPLETED, recovery incomplete", report.outcome());
        assertFalse(report.withinObjectives());
        String html = new String(write(ReportFormat.HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<p class=\"bad\">COMPLETED, recovery incomplete"), html);
        Document junit = xml(write(ReportFormat.JUNIT));
        Element recovery = null;
        NodeList cases = junit.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            if (((Element) cases.item(i)).getAttribute("name").equals("recovery")) {
                recovery = (Element) cases.item(i);
            }
        }
        assertTrue(recovery != null && recovery.getElementsByTagName("failure").getLength() == 1,
                "a CI job reading the JUnit report sees the incomplete recovery as a failure");
        assertTrue(recovery.getTextContent().contains("partly scaled to zero: ws-manager"), recovery.getTextContent());
        assertTrue(new String(write(ReportFormat.MD), StandardCharsets.UTF_8)
                .contains("COMPLETED, recovery incomplete: standby DEGRADED: partly scaled to zero: ws-manager"),
                "the Markdown (and PDF) facts say what was not well");
    }

    private RunReport withSummary(org.drillconsole.model.journal.RunSummary summary) {
        RunReport r = report;
        return new RunReport(new org.drillconsole.model.journal.RunRecord(r.run().id(), r.run().run(),
                r.run().createdAt(), r.run().status(), r.run().finishedAt(), summary, r.run().uid(),
                r.run().workstation()), summary, r.clockStart(),
                r.clockStop(), r.preflight(), r.preflightOverride(), r.steps(), r.notes(), r.healthAtStart(),
                r.healthAtStop(), r.warnings(), r.outcomeDetail(), r.events(), r.chainHead(), r.firstBrokenSeq(),
                r.generatedAt());
    }

    @Test
    void writesWellFormedSelfContainedHtmlWithTheTimelineAsSvg() throws Exception {
        byte[] html = write(ReportFormat.HTML);
        Document doc = xml(html);
        assertEquals(5, doc.getElementsByTagName("rect").getLength(), "one bar per step");
        assertEquals(2, doc.getElementsByTagName("line").getLength() - 1, "clock start and stop markers, then the axis");
        String text = new String(html, StandardCharsets.UTF_8);
        assertTrue(text.contains("&lt;proxy&gt; image pull was slow"), "notes escaped");
        assertTrue(text.contains("2026-11-20 08:45:00 UTC, set by the operator: PagerDuty alert"), text);
        assertTrue(text.contains("sha256:" + "c7".repeat(32)), "runbook version");
        assertTrue(text.contains(report.chainHead()));
        assertFalse(text.contains("<script") || text.contains("src=\"http") || text.contains("href=\"http"),
                "nothing to fetch: one self-contained file");
    }

    @Test
    void writesAPdfThatParsesAndCarriesTheRunsFigures() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(write(ReportFormat.PDF))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(pdf.getNumberOfPages() >= 2, "timeline, steps and journal");
            assertTrue(text.contains("Run 1: Fail over to the pilot-light standby"), text);
            assertTrue(text.contains("RTO 21m 00s (objective 30m 00s)"), text);
            assertTrue(text.contains("RPO 40m 00s (objective 15m 00s)"), text);
            assertTrue(text.contains("prod-eu at https://10.0.0.1:6443"), text);
            assertTrue(text.contains("PagerDuty alert"), text);
            assertTrue(text.contains(report.chainHead().substring(0, 40)), "chain head");
        }
    }

    @Test
    void writesJsonThatRoundTripsAndVerifies() throws Exception {
        Path file = dir.resolve("run.json");
        Files.write(file, write(ReportFormat.JSON));
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(JsonReport.SCHEMA_VERSION, json.path("schemaVersion").asInt());
        assertEquals(report.run().id(), json.path("run").path("id").asLong());
        assertEquals("alex", json.path("run").path("operator").asText());
        assertEquals(21 * 60_000, json.path("summary").path("rtoMillis").asLong());
        assertEquals(report.events().size(), json.path("events").size());
        for (int i = 0; i < report.events().size(); i++) {
            assertEquals(report.events().get(i).hash(), json.path("events").get(i).path("hash").asText());
            assertEquals(report.events().get(i).detail(), json.path("events").get(i).path("detail").textValue());
        }
        assertEquals(report.steps().size(), json.path("steps").size());
        assertTrue(JsonReport.verify(file).intact(), JsonReport.verify(file).problems().toString());
    }

    @Test
    void verifyingDetectsAnEditedEventAHeaderAndAFigure() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode edited = (ObjectNode) mapper.readTree(write(ReportFormat.JSON));
        ((ObjectNode) edited.path("events").get(20)).put("detail", "RTO 9m");
        Path file = dir.resolve("edited-event.json");
        mapper.writeValue(file.toFile(), edited);
        assertTrue(JsonReport.verify(file).problems().get(0).startsWith("event 21 does not match its hash"),
                JsonReport.verify(file).problems().toString());

        ObjectNode header = (ObjectNode) mapper.readTree(write(ReportFormat.JSON));
        ((ObjectNode) header.path("run")).put("operator", "someone else");
        ((ObjectNode) header.path("summary")).put("rtoMillis", 60_000);
        mapper.writeValue(file.toFile(), header);
        var problems = JsonReport.verify(file).problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("run.operator says \"someone else\"")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("summary.rtoMillis says 60000")), problems.toString());

        ObjectNode removed = (ObjectNode) mapper.readTree(write(ReportFormat.JSON));
        ((com.fasterxml.jackson.databind.node.ArrayNode) removed.path("events")).remove(3);
        mapper.writeValue(file.toFile(), removed);
        assertFalse(JsonReport.verify(file).intact(), "a removed event breaks the chain");
    }

    @Test
    void writesJUnitXmlWithACasePerCheckAndStepAndFailuresWhereTheyFailed() throws Exception {
        Document doc = xml(write(ReportFormat.JUNIT));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        NodeList cases = doc.getElementsByTagName("testcase");
        // 2 preflight checks + 5 steps + RTO + RPO
        assertEquals(9, cases.getLength());
        assertEquals("9", suite.getAttribute("tests"));
        assertEquals(doc.getElementsByTagName("failure").getLength(), Integer.parseInt(suite.getAttribute("failures")));
        assertEquals("3", suite.getAttribute("failures"), "the failed preflight check, the failed step, the RPO");
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("drill-console.pilot-light-failover", suite.getAttribute("name"));
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertFalse(c.getAttribute("name").isEmpty());
            assertFalse(c.getAttribute("classname").isEmpty());
            Double.parseDouble(c.getAttribute("time"));
        }
    }

    @Test
    void writesMarkdownWithARowPerStepThatNoValueCanBreak() throws Exception {
        String md = new String(write(ReportFormat.MD), StandardCharsets.UTF_8);
        assertTrue(md.startsWith("# Run 1: Fail over to the pilot-light standby"), md);
        assertTrue(md.contains("| Bring the standby up (scale-up-standby) |"), md);
        assertTrue(md.contains("<proxy> image pull was slow \\| registry throttled"), "pipes escaped: " + md);
        String steps = md.substring(md.indexOf("## Steps"), md.indexOf("## Notes"));
        long stepRows = steps.lines().filter(l -> l.startsWith("| ")).count() - 1; // minus the header row
        assertEquals(5, stepRows, md);
    }
}
