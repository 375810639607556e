package dev.sentlog.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.reportoptions.ReportDetail;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Only I/O failures become a ReportWriteException; a programming error propagates unwrapped. */
class WriteFailureTest {

    private static final Message MESSAGE = ReportFixtures.district();

    @ParameterizedTest(name = "{0}: an I/O failure is a ReportWriteException naming the message and format")
    @EnumSource(ReportFormat.class)
    void ioFailureIsAReportWriteException(ReportFormat format) {
        OutputStream broken = new Failing(new IOException("disk full"));

        assertThatThrownBy(() -> ReportFixtures.reports().write(MESSAGE,
                ReportFixtures.applicable(MESSAGE, ReportDetail.ALL, format), broken))
                .isInstanceOfSatisfying(ReportWriteException.class, e -> {
                    assertThat(e.messageId()).isEqualTo(MESSAGE.id());
                    assertThat(e.format()).isEqualTo(format);
                    assertThat(e).hasRootCauseMessage("disk full");
                });
    }

    @ParameterizedTest(name = "{0}: an IllegalStateException from a bug is not turned into a ReportWriteException")
    @EnumSource(ReportFormat.class)
    void programmingErrorIsNotWrapped(ReportFormat format) {
        IllegalStateException bug = new IllegalStateException("a bug in the host's stream");
        OutputStream buggy = new Failing(bug);

        assertThatThrownBy(() -> ReportFixtures.reports().write(MESSAGE,
                ReportFixtures.applicable(MESSAGE, ReportDetail.ALL, format), buggy))
                .isNotInstanceOf(ReportWriteException.class)
                .satisfies(e -> assertThat(rootCause(e))
                        .as("the bug itself reaches the caller: %s", e).isSameAs(bug));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null) {
            r = r.getCause();
        }
        return r;
    }

    /** A stream whose every write throws. */
    private static final class Failing extends OutputStream {
        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public void write(int b) throws IOException {
            fail();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            fail();
        }

        @Override
        public void flush() throws IOException {
            fail();
        }

        private void fail() throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        }
    }
}
