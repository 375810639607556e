package dev.sentlog.examples.cli;

import dev.sentlog.core.message.Message;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.examples.json.MessageJson;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Set;

/** {@code totals --in FILE.json}: prints the Delivery Summary figures as the J3 object (SPEC L2). */
final class TotalsCommand implements Command {

    @Override
    public String name() {
        return "totals";
    }

    @Override
    public String summary() {
        return "print the Delivery Summary totals of a message file as JSON";
    }

    @Override
    public Set<String> options() {
        return Set.of("in");
    }

    @Override
    public String help() {
        return """
                Usage: java -jar sentlog.jar totals --in FILE.json

                Reads a message in the "sentlog-message/1" JSON format and prints its Delivery Summary
                figures (SPEC D4) as one JSON object with the keys totalRecipients, totalNoDevice,
                totalInbox, totalEmails, totalEmailsAttempted, totalVoice, totalVoiceAttempted,
                totalText, totalTextAttempted, contactedByPhone and notContactedByPhone.

                Options:
                  --in FILE.json   the message file (required)
                  --help           show this text

                A missing or malformed file is reported on standard error with the JSON path of the
                first bad field, and the exit status is 2.""";
    }

    @Override
    public void run(Options options, PrintStream out, PrintStream err) {
        Message message = MessageFiles.read(name(), Path.of(options.require("in"))).message();
        out.println(MessageJson.inZone(ZoneOffset.UTC).writeTotals(DeliveryTotals.of(message)));
    }
}
