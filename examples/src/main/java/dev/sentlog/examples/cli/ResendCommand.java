package dev.sentlog.examples.cli;

import dev.sentlog.core.log.MessageNotFoundException;
import dev.sentlog.core.resend.ResendAudience;
import dev.sentlog.core.resend.ResendPreview;
import dev.sentlog.core.resend.ResendRefusedException;
import dev.sentlog.examples.demo.DistrictDemo;
import dev.sentlog.examples.demo.RecipientTables;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code resend --preview --message ID [--audience not-reached|failed-devices] [--db JDBC-URL]}: who a
 * resend of a message would go to, on which device (SPEC Y4). The command line only previews: sending
 * is the host's, through {@code SentMessageLog.resend}.
 */
@picocli.CommandLine.Command(name = "resend", sortOptions = false,
        header = "preview who a resend of a message would go to, on which device",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = {"Prints exactly the recipient list a resend of a finished message (Sent, Failed, Error or"
                + " Canceled IP) would be recorded with: the persons not reached, each with every device still worth"
                + " trying, or only the devices that failed; never an address that succeeded, opted out or is"
                + " marked do not contact, and each address once. --preview is required: the command line only"
                + " previews; sending a resend belongs to the host application, which calls the library.",
                "",
                "Without --db it runs the demo district's week in memory (as 'demo' does, without printing it) and"
                + " reads that; try --message " + DistrictDemo.MAIN_ID + "."},
        footerHeading = "%n", footer = "A bad option, an unknown message or one that cannot be resent: one message"
                + " on standard error and exit status 2.")
final class ResendCommand implements Command {

    private final Clock clock;

    @Option(names = "--preview", description = "print who the resend would go to (required; nothing is sent)")
    boolean preview;

    @Option(names = "--message", paramLabel = "ID", description = "the message to resend")
    String message;

    @Option(names = "--audience", paramLabel = "not-reached|failed-devices",
            description = "the persons not reached (default) or the devices that failed")
    String audience;

    @Mixin
    LogSource.SourceOptions source;

    @Mixin
    HelpOption help;

    ResendCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "resend";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        if (!preview) {
            throw Options.usage(name(), "the command line only previews a resend: add --preview. Sending a resend"
                    + " belongs to the host application, which records it through the library");
        }
        String id = Options.require(name(), "message", message).strip();
        ResendAudience who = audience();
        ResendPreview answer;
        try (LogSource read = LogSource.open(name(), source, clock)) {
            answer = read.log().previewResend(DistrictDemo.ADMINISTRATOR, id, who);
        } catch (MessageNotFoundException e) {
            throw Options.usage(name(), "no message " + id + " in the log (--message)");
        } catch (ResendRefusedException e) {
            throw Options.usage(name(), "cannot resend: " + e.getMessage());
        }
        RecipientTables.printResendPreview(out, answer);
    }

    private ResendAudience audience() {
        if (audience == null) {
            return ResendAudience.NOT_REACHED;
        }
        return switch (audience.strip().toLowerCase(Locale.ROOT)) {
            case "not-reached" -> ResendAudience.NOT_REACHED;
            case "failed-devices" -> ResendAudience.FAILED_DEVICES;
            default -> throw Options.usage(name(), "--audience must be not-reached or failed-devices, not '"
                    + audience + "'");
        };
    }
}
