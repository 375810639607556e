package dev.sentlog.examples.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sentlog.core.SentlogException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every exception the library throws on purpose is a {@link SentlogException}: the main classes of
 * all four modules (provider-spi, core, report, examples) are scanned for {@link Throwable}
 * subclasses. The build lists the sibling modules' jars in {@code target/runtime-module-path.txt}.
 */
class ExceptionHierarchyTest {

    /**
     * The one justified exception: providers throw {@code ProviderException}, and the JDK-only SPI
     * module cannot depend on core, where {@link SentlogException} lives. The log catches it at every
     * provider call and never lets it reach the host.
     */
    private static final Map<String, String> ALLOWED = Map.of(
            "dev.sentlog.spi.ProviderException", "provider-spi is JDK only; the log catches it");

    @Test
    @DisplayName("every exception class of every module extends SentlogException (allow-list: ProviderException)")
    void everyExceptionExtendsTheRoot() throws IOException, ClassNotFoundException {
        Map<String, Class<?>> exceptions = new TreeMap<>();
        for (String name : mainClassNames()) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (Throwable.class.isAssignableFrom(c)) {
                exceptions.put(name, c);
            }
        }

        assertThat(exceptions).as("the scan sees the exceptions of every module").containsKeys(
                "dev.sentlog.spi.ProviderException", "dev.sentlog.core.log.MessageNotFoundException",
                "dev.sentlog.report.ReportWriteException", "dev.sentlog.examples.json.MalformedMessageException");
        List<String> offenders = exceptions.values().stream()
                .filter(c -> !SentlogException.class.isAssignableFrom(c) && !ALLOWED.containsKey(c.getName()))
                .map(c -> c.getName() + " extends " + c.getSuperclass().getName())
                .toList();
        assertThat(offenders).as("exceptions that do not extend SentlogException").isEmpty();
        assertThat(Modifier.isAbstract(SentlogException.class.getModifiers())).as("the root is abstract").isTrue();
    }

    private static List<String> mainClassNames() throws IOException {
        List<String> names = new ArrayList<>();
        addClasses(Path.of(System.getProperty("sentlog.examples.classes")), names);
        Path list = Path.of(System.getProperty("sentlog.examples.runtimePath"));
        int modules = 0;
        for (String entry : Files.readString(list, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            // a sibling module is its jar (after package) or its target/classes (in a shorter build)
            boolean sibling = Files.isDirectory(p) || p.getFileName().toString().startsWith("sentlog-");
            if (sibling) {
                modules++;
                addClasses(p, names);
            }
        }
        assertThat(modules).as("the sibling modules listed in %s", list).isEqualTo(3);
        return names;
    }

    private static void addClasses(Path location, List<String> names) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(location::relativize).map(f -> f.toString().replace(File.separatorChar, '/'))
                        .filter(ExceptionHierarchyTest::isClass).forEach(f -> names.add(className(f)));
            }
            return;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            jar.stream().map(e -> e.getName()).filter(ExceptionHierarchyTest::isClass)
                    .forEach(f -> names.add(className(f)));
        }
    }

    private static boolean isClass(String file) {
        return file.endsWith(".class") && !file.endsWith("module-info.class") && !file.endsWith("package-info.class")
                && !file.startsWith("META-INF/");
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }
}
