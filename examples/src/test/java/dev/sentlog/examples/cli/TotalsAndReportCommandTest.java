package dev.sentlog.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TotalsAndReportCommandTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @TempDir
    Path dir;
    private Path spec;

    @BeforeEach
    void copySpecExample() throws IOException {
        spec = dir.resolve("message.json");
        try (InputStream in = getClass().getResourceAsStream("/spec-example-message.json")) {
            Files.copy(in, spec);
        }
    }

    @Test
    @DisplayName("L2, J3: totals --in prints the J3 object of the message")
    void totalsPrintsJ3() throws Exception {
        CliRun run = CliRun.of("totals", "--in", spec.toString()).assertOk();

        JsonNode totals = PLAIN.readTree(run.out());
        List<String> keys = new ArrayList<>();
        totals.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("totalRecipients", "totalNoDevice", "totalInbox", "totalEmails",
                "totalEmailsAttempted", "totalVoice", "totalVoiceAttempted", "totalText", "totalTextAttempted",
                "contactedByPhone", "notContactedByPhone");
        assertThat(totals.get("totalRecipients").asInt()).isEqualTo(1);
        assertThat(totals.get("totalTextAttempted").asInt()).isZero();
        assertThat(totals.get("contactedByPhone").asInt()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("L3: report writes a PDF that reads back as text with the message's header and rows")
    void reportPdf() throws Exception {
        Path out = dir.resolve("out/report.pdf");

        CliRun.of("report", "--in", spec.toString(), "--format", "pdf", "--detail", "all", "--out", out.toString())
                .assertOk();

        try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Harrison High", "School is cancelled", "Parent, Heather", "5 Live Person");
        }
    }

    @Test
    @DisplayName("L3: report --devices limits the rows; CSV parses; --zone prints times in that zone")
    void reportCsvWithDevicesAndZone() throws Exception {
        Path out = dir.resolve("report.csv");

        CliRun.of("report", "--in", spec.toString(), "--format", "CSV", "--detail", "all", "--devices",
                "voice,nodevice", "--zone", "America/New_York", "--out", out.toString()).assertOk();

        List<CSVRecord> records;
        try (Reader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            records = CSVFormat.RFC4180.builder().get().parse(r).getRecords();
        }
        List<String> devices = records.stream().filter(r -> r.size() == 5 && r.get(0).contains("Heather"))
                .map(r -> r.get(2)).toList();
        assertThat(devices).containsExactly("Voice: (555) 123-4567");
        assertThat(Files.readString(out)).contains("12/02/2019 9:55 AM");
    }

    @Test
    @DisplayName("L3: without --zone, times are printed at the offset of the file's createdAt; --opt=value works")
    void defaultZoneIsTheFilesOffset() throws Exception {
        Path out = dir.resolve("default-zone.csv");

        CliRun.of("report", "--in=" + spec, "--format=csv", "--detail=summary", "--out=" + out).assertOk();

        assertThat(Files.readString(out)).contains("Date Created,12/02/2019 8:55 AM");
    }

    @Test
    @DisplayName("L3: report writes a DOCX that POI opens, with the summary for detail summary")
    void reportDocxSummary() throws Exception {
        Path out = dir.resolve("report.docx");

        CliRun.of("report", "--in", spec.toString(), "--format", "docx", "--detail", "summary", "--out",
                out.toString()).assertOk();

        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Total Recipients", "Harrison High").doesNotContain("heather.portal");
        }
    }

    static Stream<Arguments> userErrors() {
        return Stream.of(
                err(List.of(), "no command given"),
                err(List.of("tootals"), "unknown command 'tootals'"),
                err(List.of("totals"), "option --in is required"),
                err(List.of("totals", "--in"), "option --in needs a value"),
                err(List.of("totals", "--in", "a.json", "--in", "b.json"), "--in is given twice"),
                err(List.of("totals", "--file", "a.json"), "unknown option --file"),
                err(List.of("totals", "message.json"), "unexpected argument 'message.json'"),
                err(List.of("totals", "--in", "@DIR/nope.json"), "does not exist"),
                err(List.of("totals", "--in", "@DIR"), "is a directory"),
                err(List.of("report", "--in", "@SPEC", "--format", "xls", "--detail", "all", "--out",
                        "@DIR/r.xls"), "--format must be pdf, csv or docx, not 'xls'"),
                err(List.of("report", "--in", "@SPEC", "--format", "pdf", "--detail", "most", "--out",
                        "@DIR/r.pdf"), "--detail must be all, summary or failed"),
                err(List.of("report", "--in", "@SPEC", "--format", "pdf", "--detail", "all", "--devices",
                        "email,fax", "--out", "@DIR/r.pdf"), "'fax' is not one of them"),
                err(List.of("report", "--in", "@SPEC", "--format", "pdf", "--detail", "failed", "--out",
                        "@DIR/r.pdf"), "Failed Delivery report is not available", "In-Progress",
                        "No report was written"),
                err(List.of("report", "--in", "@SPEC", "--format", "pdf", "--detail", "all", "--zone",
                        "Mars/Olympus", "--out", "@DIR/r.pdf"), "--zone 'Mars/Olympus' is not a time zone"),
                err(List.of("report", "--in", "@SPEC", "--format", "pdf", "--detail", "all"),
                        "option --out is required"));
    }

    private static Arguments err(List<String> args, String... fragments) {
        return Arguments.of(args, List.of(fragments));
    }

    @ParameterizedTest
    @MethodSource("userErrors")
    @DisplayName("L4: bad arguments give one paragraph on stderr, exit status 2 and no file")
    void userError(List<String> args, List<String> fragments) throws IOException {
        String[] resolved = args.stream().map(a -> a.replace("@SPEC", spec.toString()).replace("@DIR", dir.toString()))
                .toArray(String[]::new);

        CliRun.of(resolved).assertUserError(fragments.toArray(String[]::new));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(spec);
        }
    }

    @Test
    @DisplayName("L4, J2: a malformed file gives the JSON path of the first bad field; no report, old file untouched")
    void malformedFile() throws Exception {
        ObjectNode doc = (ObjectNode) PLAIN.readTree(spec.toFile());
        ArrayNode devices = (ArrayNode) doc.at("/recipients/0/devices");
        ((ObjectNode) devices.get(1)).put("channel", "FAX");
        Path bad = dir.resolve("bad.json");
        PLAIN.writeValue(bad.toFile(), doc);
        Path out = dir.resolve("report.pdf");
        Files.writeString(out, "the previous report");

        CliRun.of("report", "--in", bad.toString(), "--format", "pdf", "--detail", "all", "--out", out.toString())
                .assertUserError("recipients[0].devices[1].channel: \"FAX\" is not one of INBOX, EMAIL, VOICE, TEXT",
                        "Nothing was imported");
        CliRun.of("totals", "--in", bad.toString()).assertUserError("recipients[0].devices[1].channel");

        assertThat(Files.readString(out)).isEqualTo("the previous report");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("message.json",
                    "bad.json", "report.pdf");
        }
    }

    @Test
    @DisplayName("L4: report options the message did not use are refused; nothing is written")
    void deviceNotUsed() throws Exception {
        ObjectNode doc = (ObjectNode) PLAIN.readTree(spec.toFile());
        doc.putArray("deliveryModes").add("EMAIL");
        Path emailOnly = dir.resolve("email-only.json");
        PLAIN.writeValue(emailOnly.toFile(), doc);
        Path out = dir.resolve("r.csv");

        CliRun.of("report", "--in", emailOnly.toString(), "--format", "csv", "--detail", "all", "--devices",
                "voice", "--out", out.toString()).assertUserError("did not use", "VOICE");

        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("L2, L3: every command and the overview answer --help on stdout with exit status 0")
    void help() {
        assertThat(CliRun.of("--help").assertOk().out()).contains("demo", "totals", "report");
        assertThat(CliRun.of("totals", "--help").assertOk().out()).contains("Usage:", "--in FILE.json");
        assertThat(CliRun.of("report", "--help").assertOk().out())
                .contains("--format", "--detail", "--devices", "--zone", "createdAt");
    }
}
