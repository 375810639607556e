package dev.sentlog.examples.cli;

import picocli.CommandLine.Option;

/** The {@code --help} option every command takes, as a picocli mixin. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this text")
    boolean help;
}
