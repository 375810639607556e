package dev.sentlog.core.store.kit.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Proves the store kit: it passes a store that keeps the contract, and for every way of breaking a
 * clause it fails the tests of the broken clauses (and only clauses the fault may touch), each
 * assertion failure naming its clause.
 */
class StoreKitSelfTest {

    private static final Pattern CLAUSE_IN_MESSAGE = Pattern.compile("^\\[(ST-\\d+) ");
    private static final Pattern CLAUSE_IN_NAME = Pattern.compile("^(ST-\\d+) ");
    /** ST-1..ST-26, issue #12's ST-30..ST-37, issue #16's ST-40..ST-44, issue #13's ST-50..ST-55 and ST-60..ST-67 issue #14's ST-70..ST-77 and the engagement clauses ST-80..ST-85. */
    private static final List<String> CLAUSES = clauses();

    @Test
    @DisplayName("the kit passes a store that keeps every clause: all its tests run and succeed")
    void correctStorePassesTheKit() {
        Events tests = runKit(Fault.NONE);

        assertThat(failures(tests)).isEmpty();
        assertThat(tests.succeeded().count()).isEqualTo(tests.started().count()).isEqualTo(CLAUSES.size());
    }

    @Test
    @DisplayName("every kit test names one clause, ST-1 to ST-26, ST-30 to ST-37, ST-40 to ST-44, ST-50 to ST-55, ST-60 to ST-67, ST-70 to ST-77 and ST-80 to ST-85, each once")
    void everyTestNamesAClause() {
        Set<String> names = new TreeSet<>();
        runKit(Fault.NONE).started().stream().map(e -> clauseOf(e.getTestDescriptor().getDisplayName()))
                .forEach(names::add);
        assertThat(names).isEqualTo(new TreeSet<>(CLAUSES));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "NONE")
    @DisplayName("a store that breaks the contract fails the kit's clauses it breaks, each failure naming its clause")
    void brokenStoreFailsTheKit(Fault fault) {
        Map<String, String> failures = failures(runKit(fault));

        Set<String> failed = new TreeSet<>();
        failures.forEach((test, message) -> {
            String clause = clauseOf(test);
            failed.add(clause);
            Matcher m = CLAUSE_IN_MESSAGE.matcher(message);
            if (m.find()) {
                assertThat(m.group(1)).as("failure of '%s' names its own clause: %s", test, message).isEqualTo(clause);
            }
        });
        assertThat(failed).as("failed clauses of %s: %s", fault, failures).containsAll(fault.broken());
        Set<String> allowed = new TreeSet<>(fault.broken());
        allowed.addAll(fault.mayAlsoFail());
        assertThat(allowed).as("only clauses %s touches fail: %s", fault, failures).containsAll(failed);
        assertThat(failures.entrySet().stream().filter(e -> fault.broken().contains(clauseOf(e.getKey())))
                .anyMatch(e -> CLAUSE_IN_MESSAGE.matcher(e.getValue()).find()))
                .as("at least one failure of %s names its clause in the message: %s", fault, failures).isTrue();
    }

    private static List<String> clauses() {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= 26; i++) {
            out.add("ST-" + i);
        }
        for (int i = 30; i <= 37; i++) {
            out.add("ST-" + i);
        }
        for (int i = 40; i <= 44; i++) {
            out.add("ST-" + i);
        }
        for (int i = 50; i <= 55; i++) {
            out.add("ST-" + i);
        }
        for (int i = 60; i <= 67; i++) {
            out.add("ST-" + i);
        }
        for (int i = 70; i <= 77; i++) {
            out.add("ST-" + i);
        }
        for (int i = 80; i <= 85; i++) {
            out.add("ST-" + i);
        }
        return out;
    }

    private static Events runKit(Fault fault) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(BrokenStoreUnderKit.FAULT_PARAMETER, fault.name())
                .selectors(selectClass(BrokenStoreUnderKit.class))
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
            failures.put(event.getTestDescriptor().getDisplayName(), message.replaceFirst("^[A-Za-z]*Error: ", ""));
        }
        return failures;
    }

    private static String clauseOf(String displayName) {
        Matcher m = CLAUSE_IN_NAME.matcher(displayName);
        return m.find() ? m.group(1) : displayName;
    }
}
