package dev.sentlog.examples.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sentlog.core.message.Message;
import dev.sentlog.examples.json.MessageMutants.Mutant;
import dev.sentlog.spi.fuzzing.FuzzTries;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.ZoneId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * J2 under hostile input: mutations of the SPEC's example file (see {@link MessageMutants}) are read
 * within a bounded time and end in a message or the documented {@link MalformedMessageException}
 * (a {@link ReadLimitExceededException} for a limit), whose text is one line naming a JSON path and
 * never quoting personal data of the file. Tries: 10,000, more with {@code -Dsentlog.fuzz.tries=N}.
 */
@AddLifecycleHook(FuzzTries.class)
class MessageJsonFuzzTest {

    /** Far above what one case takes (well under a millisecond); a case that takes this long hangs. */
    static final Duration PER_CASE = Duration.ofSeconds(10);

    private final MessageJson json = MessageJson.inZone(ZoneId.of("America/Chicago"));

    @Property(tries = 10_000)
    @Label("J2: any mutation of a valid file reads as a message or fails with the documented error, in bounded time")
    void mutantsEndInAMessageOrTheDocumentedError(@ForAll("mutants") Mutant mutant) {
        Object result = assertTimeoutPreemptively(PER_CASE, () -> readOrCatch(mutant.bytes()));

        if (result instanceof ImportedMessage imported) {
            Message message = imported.message();
            assertThat(json.read(json.write(message)).message().equals(message))
                    .as("J0: what was read writes and reads back equal (%s)", mutant).isTrue();
        } else {
            assertDocumentedError((Throwable) result);
        }
    }

    /**
     * J2: the error is a MalformedMessageException on one line, {@code <path>: <problem>}, that quotes
     * no personal data of the file.
     */
    static void assertDocumentedError(Throwable thrown) {
        assertThat(thrown).as("the exception thrown").isInstanceOf(MalformedMessageException.class);
        MalformedMessageException e = (MalformedMessageException) thrown;
        assertThat(e.jsonPath()).isNotBlank();
        assertThat(e.problem()).isNotBlank();
        assertThat(e.getMessage()).isEqualTo(e.jsonPath() + ": " + e.problem()).doesNotContain("\n");
        for (String personal : MessageMutants.PERSONAL) {
            assertThat(e.getMessage()).as("J2/logging: an error never quotes personal data").doesNotContain(personal);
        }
    }

    private Object readOrCatch(byte[] bytes) {
        try {
            return json.read(new ByteArrayInputStream(bytes));
        } catch (RuntimeException | StackOverflowError e) {
            return e;
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return MessageMutants.mutants();
    }
}
