package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.report.font.FontRegistry;
import dev.sentlog.report.font.FontSource;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC P8: any Unicode name renders; a character no font has is replaced visibly. */
class UnicodeTest {

    static final List<String> NAMES = List.of("Nguyễn, Thảo", "Иванова, Анна", "Παπαδοπούλου, Σοφία", "Müller, Jörg");
    /** U+2336 APL FUNCTIONAL SYMBOL I-BEAM: in DejaVu Sans Mono, not in DejaVu Sans. */
    static final String MONO_ONLY = "\u2336";

    static Message named(List<String> names) {
        List<RecipientEntry> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            entries.add(RecipientEntry.of(Person.of("p-" + i, names.get(i)), Person.of("s-" + i, names.get(i)),
                    List.of(Device.of(Channel.EMAIL, "r" + i + "@example.org", DeviceStatus.SENT))));
        }
        return MessageArbitraries.sampleBuilder("m-intl").status(MessageStatus.SENT).deliveryModes(Channel.EMAIL)
                .subject("Réunion — Встреча — Συνάντηση").recipients(entries).build();
    }

    private static byte[] write(SentMessageReport reports, Message m, ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reports.write(m, ReportFixtures.applicable(m, ReportDetail.ALL, format), out);
        return out.toByteArray();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        return ReadBack.pdf(pdf, List.of()).text();
    }

    private static List<PDFont> fonts(byte[] pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(n));
                }
            }
        }
        return fonts;
    }

    @Test
    @DisplayName("P8: Vietnamese, Cyrillic, Greek and Latin names print with the bundled font and read back")
    void p8BundledScriptsReadBack() throws IOException {
        Message m = named(NAMES);
        SentMessageReport reports = ReportFixtures.reports();
        String pdf = pdfText(write(reports, m, ReportFormat.PDF));
        String csv = ReadBack.csv(write(reports, m, ReportFormat.CSV)).text();
        ReadBack docx = ReadBack.docx(write(reports, m, ReportFormat.DOCX));
        for (String name : NAMES) {
            assertThat(pdf).contains(name);
            assertThat(csv).contains(name);
            assertThat(docx.rows()).anySatisfy(r -> assertThat(r.get(0)).isEqualTo(name));
        }
        assertThat(pdf).contains("Réunion — Встреча — Συνάντηση");
        assertThat(pdf).doesNotContain("\uFFFD");
    }

    @Test
    @DisplayName("P8: the fonts are embedded as subsets")
    void p8FontsEmbeddedAndSubset() throws IOException {
        List<PDFont> fonts = fonts(write(ReportFixtures.reports(), named(NAMES), ReportFormat.PDF));
        assertThat(fonts).isNotEmpty().allSatisfy(f -> {
            assertThat(f.isEmbedded()).as(f.getName()).isTrue();
            assertThat(f.getName()).matches("[A-Z]{6}\\+DejaVuSans.*");
        });
    }

    @Test
    @DisplayName("P8: a character no font has (CJK without a CJK font) becomes a visible U+FFFD, no crash")
    void p8UncoveredCharacterReplaced() throws IOException {
        Message m = named(List.of("王, 小明", "Müller, Jörg"));
        String pdf = pdfText(write(ReportFixtures.reports(), m, ReportFormat.PDF));
        assertThat(pdf).contains("\uFFFD, \uFFFD\uFFFD").contains("Müller, Jörg").doesNotContain("王");
    }

    @Test
    @DisplayName("P8: a host-registered fallback font draws the characters the bundled font lacks")
    void p8FallbackFontPerCharacter() throws IOException {
        byte[] mono;
        try (InputStream in = UnicodeTest.class.getResourceAsStream("/fonts/DejaVuSansMono.ttf")) {
            mono = in.readAllBytes();
        }
        FontRegistry fonts = FontRegistry.builder().fallback(FontSource.of("DejaVuSansMono", mono)).build();
        SentMessageReport reports = SentMessageReport.builder().zone(ReportFixtures.ZONE).clock(ReportFixtures.CLOCK)
                .fonts(fonts).build();
        Message m = named(List.of("Beam" + MONO_ONLY + ", Ana"));
        byte[] pdf = write(reports, m, ReportFormat.PDF);
        assertThat(pdfText(pdf)).contains("Beam" + MONO_ONLY + ", Ana").doesNotContain("\uFFFD");
        assertThat(fonts(pdf)).anySatisfy(f -> assertThat(f.getName()).endsWith("+DejaVuSansMono"));

        String without = pdfText(write(ReportFixtures.reports(), m, ReportFormat.PDF));
        assertThat(without).contains("Beam\uFFFD, Ana");
    }

    @Test
    @DisplayName("P8: a font file that is not TrueType is refused when registered, naming it")
    void p8BadFontRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FontSource.of("broken", new byte[] {1, 2, 3}))
                .isInstanceOf(dev.sentlog.report.font.InvalidFontException.class)
                .isInstanceOf(dev.sentlog.core.SentlogException.class)
                .hasMessageContaining("broken");
    }

    @Test
    @DisplayName("P8: characters XML cannot hold become U+FFFD in DOCX instead of a broken file")
    void p8DocxControlCharacters() throws IOException {
        Message m = named(List.of("Bad\u0001Name, Zoë"));
        ReadBack docx = ReadBack.docx(write(ReportFixtures.reports(), m, ReportFormat.DOCX));
        assertThat(docx.rows()).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("Bad\uFFFDName, Zoë"));
    }
}
