package dev.sentlog.examples.cli;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.examples.json.MessageJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code totals --in FILE.json}: prints the Delivery Summary figures as the J3 object (SPEC L2). */
@picocli.CommandLine.Command(name = "totals", sortOptions = false,
        header = "print the Delivery Summary totals of a message file as JSON",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
        description = "Reads a message in the \"sentlog-message/1\" JSON format and prints its Delivery Summary figures"
                + " (SPEC D4) as one JSON object with the keys totalRecipients, totalNoDevice, totalInbox, totalEmails,"
                + " totalEmailsAttempted, totalVoice, totalVoiceAttempted, totalText, totalTextAttempted,"
                + " contactedByPhone and notContactedByPhone.",
        footerHeading = "%n",
        footer = "A missing or malformed file is reported on standard error with the JSON path of the first bad"
                + " field, and the exit status is 2.")
final class TotalsCommand implements Command {

    @Option(names = "--in", paramLabel = "FILE.json", required = true, description = "the message file")
    String in;

    @Mixin
    HelpOption help;

    @Override
    public String name() {
        return "totals";
    }

    @Override
    public void run(PrintStream out, PrintStream err) {
        Message message = MessageFiles.read(name(), Path.of(Options.require(name(), "in", in))).message();
        out.println(MessageJson.inZone(ZoneOffset.UTC).writeTotals(DeliveryTotals.of(message)));
    }
}
