package dev.sentlog.spi.kit.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves the kit: it passes a provider that keeps the contract, and for every way of breaking a
 * clause it fails exactly the tests of the broken clauses, each failure message naming the clause.
 */
class KitSelfTest {

    private static final Pattern CLAUSE_IN_MESSAGE = Pattern.compile("^\\[(DP-[A-Z]\\d+) ");
    private static final Pattern CLAUSE_IN_NAME = Pattern.compile("^(DP-[A-Z]\\d+) ");

    @Test
    @DisplayName("the kit passes a provider that keeps every clause: all its tests run and succeed")
    void correctProviderPassesTheKit() {
        Events tests = runKit(Fault.NONE);

        assertThat(failures(tests)).isEmpty();
        assertThat(tests.aborted().count()).isZero();
        assertThat(tests.succeeded().count()).isEqualTo(tests.started().count()).isEqualTo(32);
    }

    @Test
    @DisplayName("every clause of the DeliveryProvider Javadoc has a kit test named after it")
    void everyClauseHasATest() {
        Set<String> tested = new TreeSet<>();
        runKit(Fault.NONE).started().stream().map(KitSelfTest::clauseOfTest).forEach(tested::add);

        Set<String> broken = new TreeSet<>();
        for (Fault fault : Fault.values()) {
            broken.addAll(fault.broken());
        }
        assertThat(tested).containsAll(broken).contains("DP-I1", "DP-S1", "DP-S6", "DP-C1", "DP-P1", "DP-F1", "DP-T1",
                "DP-B1", "DP-E1").hasSize(31);
    }

    @Test
    @DisplayName("DP-B1, DP-P10 and DP-E1 are skipped with a reason, not passed, for a provider that never pushes, "
            + "confirms or reports feedback")
    void pushAndConfirmationClausesAreSkippedWhenNothingHappens() {
        Events tests = runKit(Fault.PULL_ONLY_NO_CONFIRMATION);

        assertThat(failures(tests)).isEmpty();
        Map<String, String> aborted = aborted(tests);
        assertThat(aborted).containsOnlyKeys("DP-B1", "DP-P10", "DP-E1");
        assertThat(aborted.get("DP-E1")).contains("DP-E1 not checked", "no feedback");
        assertThat(aborted.get("DP-B1")).contains("DP-B1 not checked", "pushed no report");
        assertThat(aborted.get("DP-P10")).contains("DP-P10 not checked", "no confirmed Voice device");
        assertThat(tests.succeeded().count()).isEqualTo(29);
    }

    @Test
    @DisplayName("DP-S6 is skipped with a reason, not failed, for a provider of SPI version 1, which may make a new job"
            + " for a repeated batch key; every other clause still runs and passes")
    void batchKeyClauseIsSkippedForAnOlderSpiVersion() {
        Events tests = runKit(Fault.OLDER_SPI_VERSION);

        assertThat(failures(tests)).isEmpty();
        Map<String, String> aborted = aborted(tests);
        assertThat(aborted).containsOnlyKeys("DP-S6");
        assertThat(aborted.get("DP-S6")).contains("DP-S6 not checked", "SPI version 1");
        assertThat(tests.succeeded().count()).isEqualTo(31);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = {"NONE", "PULL_ONLY_NO_CONFIRMATION",
            "OLDER_SPI_VERSION"})
    @DisplayName("a provider that breaks the contract fails the kit, each failure naming the clause it broke")
    void brokenProviderFailsTheKit(Fault fault) {
        Map<String, String> failures = failures(runKit(fault));

        Set<String> namedInMessages = new TreeSet<>();
        failures.forEach((test, message) -> {
            Matcher m = CLAUSE_IN_MESSAGE.matcher(message);
            assertThat(m.find()).as("failure of '%s' names a clause: %s", test, message).isTrue();
            namedInMessages.add(m.group(1));
        });
        assertThat(namedInMessages).as("clauses named by the failures of %s: %s", fault, failures)
                .isEqualTo(new TreeSet<>(fault.broken()));
        Set<String> failedTests = new TreeSet<>();
        failures.keySet().forEach(test -> failedTests.add(clauseOf(test)));
        assertThat(failedTests).as("the tests of each broken clause fail").containsAll(fault.broken());
    }

    private static Events runKit(Fault fault) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ScriptedProviderUnderKit.FAULT_PARAMETER, fault.name())
                .selectors(selectClass(ScriptedProviderUnderKit.class))
                .execute()
                .testEvents();
    }

    /** Failed tests: display name to failure message. */
    private static Map<String, String> failures(Events tests) {
        Map<String, String> failures = new TreeMap<>();
        for (Event event : tests.failed().list()) {
            String message = event.getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable)
                    .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                    .orElse("");
            failures.put(event.getTestDescriptor().getDisplayName(), message.replaceFirst("^AssertionFailedError: ", ""));
        }
        return failures;
    }

    /** Aborted (skipped) tests: clause to the assumption's message. */
    private static Map<String, String> aborted(Events tests) {
        Map<String, String> aborted = new TreeMap<>();
        for (Event event : tests.aborted().list()) {
            aborted.put(clauseOfTest(event), event.getPayload(TestExecutionResult.class)
                    .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""));
        }
        return aborted;
    }

    private static String clauseOfTest(Event event) {
        return clauseOf(event.getTestDescriptor().getDisplayName());
    }

    private static String clauseOf(String displayName) {
        Matcher m = CLAUSE_IN_NAME.matcher(displayName);
        return m.find() ? m.group(1) : displayName;
    }
}
