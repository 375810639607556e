package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.reportoptions.DeviceChoice;
import dev.sentlog.core.reportoptions.ReportDetail;
import dev.sentlog.spi.fuzzing.FuzzTries;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The report options fuzzed (issue 14): any combination of device choices (none, every one, ones the
 * message never used), detail level and format, on any generated message in any status, ends in a
 * report or in an {@link InvalidReportOptionsException}, never another exception, and a refusal writes
 * nothing (P1, P2). Whether a case is refused is decided here from the rules' wording, not by the code
 * under test. A refused case and every CSV case are written; an accepted PDF or DOCX case builds the
 * report model the renderers lay out (writing 10,000 of them would take minutes). 10,000 cases, more with {@code -Dsentlog.fuzz.tries=N}.
 */
@AddLifecycleHook(FuzzTries.class)
class ReportOptionsFuzzTest {

    private static final Duration PER_CASE = Duration.ofSeconds(20);
    private static final SentMessageReport REPORTS = ReportFixtures.reports();

    @Provide
    Arbitrary<Message> messages() {
        return MessageArbitraries.message();
    }

    @Provide
    Arbitrary<Set<DeviceChoice>> choices() {
        return Arbitraries.subsetOf(DeviceChoice.values());
    }

    @Property(tries = 10_000)
    @Label("P1, P2: any report options write a report or throw InvalidReportOptionsException, writing nothing")
    void anyOptions(@ForAll("messages") Message message, @ForAll("choices") Set<DeviceChoice> devices,
                    @ForAll ReportDetail detail, @ForAll ReportFormat format) {
        ReportOptions options = ReportOptions.of(devices, detail, format);
        boolean refused = devices.isEmpty()
                || devices.stream().anyMatch(d -> d != DeviceChoice.NO_DEVICE
                        && !message.deliveryModes().contains(d.channel().orElseThrow()))
                || detail == ReportDetail.FAILED_DELIVERY
                        && (message.status() == MessageStatus.WAITING || message.status() == MessageStatus.IN_PROGRESS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTimeoutPreemptively(PER_CASE, () -> {
            try {
                if (refused || format == ReportFormat.CSV) {
                    REPORTS.write(message, options, out);
                    assertThat(out.size()).as("a report was written").isPositive();
                } else {
                    // PDF and DOCX lay out the same model (P7) and are slow to write 10,000 times: build
                    // the model and walk every row instead
                    REPORTS.model(message, options).rows().forEach(row -> assertThat(row).isNotNull());
                }
                assertThat(refused).as("P1, P2: %s on a %s message with modes %s is accepted", options,
                        message.status(), message.deliveryModes()).isFalse();
            } catch (InvalidReportOptionsException e) {
                assertThat(refused).as("P1, P2: %s on a %s message with modes %s is refused: %s", options,
                        message.status(), message.deliveryModes(), e.getMessage()).isTrue();
                assertThat(out.size()).as("P1: nothing is written on a refusal").isZero();
                assertThat(e.messageId()).isEqualTo(message.id());
            } catch (RuntimeException other) {
                fail("an undocumented " + other + " for " + options, other);
            }
        });
    }
}
