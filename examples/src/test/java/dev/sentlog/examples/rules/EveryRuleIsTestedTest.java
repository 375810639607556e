package dev.sentlog.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules written into the project (each module's {@code doc-files/rules.html}, and the DP clauses
 * of the {@code DeliveryProvider} Javadoc) are each named by some test of the repository. Runs from
 * the examples module's directory and reads the other modules through relative paths.
 */
class EveryRuleIsTestedTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> MODULES = List.of("provider-spi", "core", "report", "examples");
    /** Each module's rules page, and the rule families it must hold. */
    private static final Map<String, Set<String>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("provider-spi/src/main/java/dev/sentlog/spi/doc-files/rules.html", Set.of("K"));
        // E (seeing the figures) is split: E1 with the totals in core, E2 with the report
        PAGES.put("core/src/main/java/dev/sentlog/core/doc-files/rules.html", Set.of("M", "V", "S", "T", "C", "R", "D", "E",
                "H", "Y", "X", "N"));
        PAGES.put("report/src/main/java/dev/sentlog/report/doc-files/rules.html", Set.of("P", "E"));
        PAGES.put("examples/src/main/java/dev/sentlog/examples/cli/doc-files/rules.html", Set.of("J", "L", "W"));
    }

    private static final String CONTRACT = "provider-spi/src/main/java/dev/sentlog/spi/DeliveryProvider.java";
    private static final Pattern RULE_ON_PAGE = Pattern.compile("<dt id=\"([A-Z]\\d+)\">\\1 ");
    private static final Pattern CLAUSE_IN_CONTRACT = Pattern.compile("<b>(DP-[A-Z]\\d+)</b>");

    @Test
    @DisplayName("every rule page holds the rule families of its module, each rule numbered from its first")
    void pagesHoldTheirFamilies() {
        Set<String> all = new TreeSet<>();
        PAGES.forEach((page, families) -> {
            Set<String> ids = ruleIdsOn(page);
            assertThat(ids.stream().map(id -> id.substring(0, 1)).collect(Collectors.toSet()))
                    .as("rule families on %s", page).isEqualTo(families);
            Set<String> elsewhere = new TreeSet<>(ids);
            elsewhere.retainAll(all);
            assertThat(elsewhere).as("rules of %s also on another page", page).isEmpty();
            all.addAll(ids);
        });
        // a family's rules, over the pages that share it, are numbered without a gap
        for (String family : all.stream().map(id -> id.substring(0, 1)).collect(Collectors.toSet())) {
            int first = family.equals("J") ? 0 : 1;
            long count = all.stream().filter(id -> id.startsWith(family)).count();
            for (int n = first; n < first + count; n++) {
                assertThat(all).as("the %s rules are numbered without a gap", family).contains(family + n);
            }
        }
        assertThat(contractClauses()).as("DP clauses in %s", CONTRACT).hasSize(31);
    }

    @Test
    @DisplayName("every rule id written in the project (M, V, S, T, C, R, K, D, E, N, H, Y, X, P, J, L, W and the DP clauses) is named by a"
            + " test: in a display name, a label, a method name or a comment")
    void everyRuleIsNamedByATest() {
        Set<String> ids = new TreeSet<>();
        PAGES.keySet().forEach(page -> ids.addAll(ruleIdsOn(page)));
        ids.addAll(contractClauses());
        List<String> tests = testSources();

        Set<String> untested = ids.stream().filter(id -> tests.stream().noneMatch(text -> names(text, id)))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(untested).as("rule ids no test names (of %d ids, %d test files)", ids.size(), tests.size()).isEmpty();
    }

    @Test
    @DisplayName("a rule id is found as a word, in a method name like T2_... or d3OptOut, not inside another id")
    void idsAreMatchedAsWords() {
        assertThat(names("@DisplayName(\"D3/D4: shared\")", "D3")).isTrue();
        assertThat(names("void T2_readNeedsRight()", "T2")).isTrue();
        assertThat(names("void d3OptOutIsReadPerOccurrence()", "D3")).isTrue();
        assertThat(names("// K3-K6 as listed", "K6")).isTrue();
        assertThat(names("DP-P10 a confirmation", "DP-P10")).isTrue();
        assertThat(names("DP-P10 a confirmation", "DP-P1")).isFalse();
        assertThat(names("DP-P1 poll", "P1")).isFalse();
        assertThat(names("D30 and MD3", "D3")).isFalse();
        assertThat(names("String d3 = \"x\";", "D3")).isFalse();
    }

    /** Whether a test's text names the id as a word of its own. */
    static boolean names(String text, String id) {
        String lower = Character.toLowerCase(id.charAt(0)) + id.substring(1);
        Pattern word = Pattern.compile("(?<![A-Za-z0-9])(?<!DP-)(?:" + Pattern.quote(id) + "|" + Pattern.quote(lower)
                + "(?=[A-Z_]))(?![0-9])");
        return word.matcher(text).find();
    }

    private static Set<String> ruleIdsOn(String page) {
        Set<String> ids = new TreeSet<>();
        Matcher m = RULE_ON_PAGE.matcher(read(ROOT.resolve(page)));
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).as("rule ids on %s", page).isNotEmpty();
        return ids;
    }

    private static Set<String> contractClauses() {
        Set<String> ids = new TreeSet<>();
        Matcher m = CLAUSE_IN_CONTRACT.matcher(read(ROOT.resolve(CONTRACT)));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> testSources() {
        List<String> texts = new ArrayList<>();
        for (String module : MODULES) {
            Path tests = ROOT.resolve(module).resolve("src/test/java");
            assertThat(tests).as("the test sources of %s (run from the examples module's directory)", module)
                    .isDirectory();
            try (Stream<Path> files = Files.walk(tests)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .filter(f -> !f.getFileName().toString().equals("EveryRuleIsTestedTest.java"))
                        .forEach(f -> texts.add(read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + tests, e);
            }
        }
        return texts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
