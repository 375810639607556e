package dev.sentlog.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.search.MessageRow;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliveryTotals;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HostExamplesTest {

    @Test
    @DisplayName("Embedding: record, feed reports (R2), search (S1), select (S6), cancel (C1, C3), print a report")
    void embedding() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();

        EmbeddingExample.Result result = EmbeddingExample.run(csv);

        assertThat(result.applied().applied()).isPositive();
        assertThat(result.found().rows()).extracting(MessageRow::id).containsExactly("m-1");
        assertThat(result.sent().row().status()).isEqualTo(MessageStatus.SENT);
        assertThat(result.sent().summary().totals().totalEmailsAttempted()).isEqualTo(2);
        assertThat(result.canceled()).isEqualTo(MessageStatus.CANCELED);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("Parent, Heather", "Email: heather@nomail.com",
                "Sent");
    }

    @Test
    @DisplayName("Totals from entries: D2 duplicates, D3 shared outcome of a shared phone, D4 figures")
    void totalsFromEntries() {
        DeliveryAnalysis analysis = TotalsFromEntriesExample.analyse();
        DeliveryTotals t = analysis.totals();

        // persons p-1, p-2, s-2; s-2 has no device; two distinct emails (tad's bounced), one voice number
        assertThat(t).isEqualTo(new DeliveryTotals(3, 1, 0, 2, 2, 1, 1, 0, 0, 2, 1));
        assertThat(analysis.isDuplicate(1, 0)).as("Heather's email again, for Susie").isTrue();
        assertThat(analysis.isDuplicate(2, 1)).as("the home phone written another way").isTrue();
        assertThat(analysis.isContactedByPhone(2)).as("Tad shares the number Heather answered (D3)").isTrue();
        assertThat(TotalsFromEntriesExample.totals()).isEqualTo(t);
    }

    @Test
    @DisplayName("Recipient Log example: H1 by person and by address, newest first, not reached; H4 the student "
            + "nobody reached, as CSV")
    void recipientLog() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();

        RecipientLogExample.Result result = RecipientLogExample.run(csv);

        assertThat(result.tad().rows()).extracting(r -> r.messageId()).containsExactly("m-2", "m-1");
        assertThat(result.tad().rows()).allSatisfy(r -> assertThat(r.reached()).isFalse());
        assertThat(result.tadsAddress().rows()).isEqualTo(result.tad().rows());
        assertThat(result.reach().unreachedCount()).isEqualTo(1);
        assertThat(result.reach().schools().get(0).students().get(0).student().name()).isEqualTo("Student, Hobbes");
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("\"Student, Hobbes\"", "tad@nomail.com", "Failed")
                .doesNotContain("Calvin");
    }
}
