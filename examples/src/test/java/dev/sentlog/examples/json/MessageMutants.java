package dev.sentlog.examples.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Mutations of the SPEC's example message file for fuzzing the reader and the command line:
 * truncation, byte flips, insertions (invalid UTF-8, stray structure, odd literals) and deletions
 * of the file's bytes, and edits of its tree (a value of the wrong type, a huge number, deep
 * nesting, a very long string, a duplicate, missing or unknown key).
 */
public final class MessageMutants {

    /**
     * Fragments of the personal data in the example file (addresses, names, message texts): no
     * error message may contain one. A phone number counts from seven digits on: errors may show a
     * number of up to six digits (a bad code), which cannot be a whole phone number.
     */
    public static final List<String> PERSONAL = List.of("eather", "nomail", "sysadmin", "123-4567", "1234567",
            "999-9876", "9999876", "Calvin", "Administrator", "Parent,", "cancelled", "Student,");

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final byte[] ORIGINAL = SpecExample.text().getBytes(StandardCharsets.UTF_8);
    private static final JsonNode TREE = tree();
    private static final List<String> POINTERS = pointers(TREE);
    private static final List<Integer> STRUCTURAL = structuralPositions();

    /** Byte sequences worth inserting: structure, escapes, odd literals, invalid and unusual UTF-8. */
    private static final List<byte[]> TOKENS = List.of(bytes("{"), bytes("}"), bytes("["), bytes("]"), bytes("\""),
            bytes("\\"), bytes(":"), bytes(","), bytes("null"), bytes("-"), bytes("1e99999"), bytes("NaN"),
            bytes("Infinity"), bytes("'"), bytes("/*"), bytes("//"), bytes("\\u0000"), bytes("\\uD800"), bytes("\\u"),
            bytes("\n"), new byte[] {0}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                    (byte) 0x80}, new byte[] {(byte) 0xFE}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3},
            new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80});

    /** Values of every wrong type and size, as JSON text. */
    private static final List<String> VALUES = List.of("0", "-1", "1.5", "-0", "1e400", "-1e-400", "2147483648",
            "-9223372036854775809", "99999999999999999999999999999999", "1" + "0".repeat(80), "\"x\"", "\"\"",
            "\"   \"", "true", "false", "null", "{}", "[]", "[null]", "{\"a\": 1}", "[1, \"a\", {}]",
            "\"2019-12-02T08:55:00Z\"", "\"2019-13-45T99:99:99+99:00\"", "\"+999999999-12-31T23:59:59Z\"",
            "\"EMAIL\"", "\"email\"", "\"OPTED_OUT\"", "\"\\u0000\"", "\"\\uD800\"", "\"\\uDC00\\uD800\"",
            "\"sentlog-message/1\"", "\"\\t\\n\"", "\"é\\u0301\"");

    private MessageMutants() {
    }

    /** The example file, unchanged. */
    public static byte[] original() {
        return ORIGINAL.clone();
    }

    /** Any mutant: mostly one mutation, sometimes a tree edit followed by a byte mutation. */
    public static Arbitrary<Mutant> mutants() {
        return Arbitraries.frequencyOf(Tuple.of(2, truncations()), Tuple.of(3, flips()), Tuple.of(2, insertions()),
                Tuple.of(2, deletions()), Tuple.of(6, treeEdits()), Tuple.of(1, stacked()));
    }

    /** The file cut short anywhere, or right before or after a structural character. */
    static Arbitrary<Mutant> truncations() {
        Arbitrary<Integer> anywhere = Arbitraries.integers().between(0, ORIGINAL.length - 1);
        Arbitrary<Integer> structural = Combinators.combine(Arbitraries.of(STRUCTURAL), Arbitraries.of(0, 1))
                .as(Integer::sum);
        return Arbitraries.oneOf(anywhere, structural)
                .map(at -> new Mutant("truncated at byte " + at, Arrays.copyOf(ORIGINAL, at)));
    }

    /** One to four bytes set to any value. */
    static Arbitrary<Mutant> flips() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, ORIGINAL.length - 1);
        return Combinators.combine(position.list().ofMinSize(1).ofMaxSize(4), Arbitraries.bytes().list().ofSize(4))
                .as((positions, values) -> {
                    byte[] b = ORIGINAL.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        b[positions.get(i)] = values.get(i);
                    }
                    return new Mutant("bytes " + positions + " set to " + values.subList(0, positions.size()), b);
                });
    }

    /** A token or a few random bytes inserted anywhere. */
    static Arbitrary<Mutant> insertions() {
        Arbitrary<byte[]> token = Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8));
        return Combinators.combine(Arbitraries.integers().between(0, ORIGINAL.length), token)
                .as((at, t) -> new Mutant("inserted " + Arrays.toString(t) + " at byte " + at, splice(at, 0, t)));
    }

    /** One to 32 bytes deleted anywhere. */
    static Arbitrary<Mutant> deletions() {
        return Combinators.combine(Arbitraries.integers().between(0, ORIGINAL.length - 1),
                        Arbitraries.integers().between(1, 32))
                .as((at, n) -> new Mutant("deleted " + n + " bytes at byte " + at,
                        splice(at, Math.min(n, ORIGINAL.length - at), new byte[0])));
    }

    /** An edit of one node of the tree: replaced, dropped, duplicated, nested deeply, or an unknown key added. */
    static Arbitrary<Mutant> treeEdits() {
        Arbitrary<String> longString = Combinators.combine(Arbitraries.of("a", "é", "\\u00e9", "😀", " ", "\\\""),
                        Arbitraries.integers().between(1_000, 50_000))
                .as((unit, n) -> "\"" + unit.repeat(n / unit.length()) + "\"");
        Arbitrary<String> deep = Combinators.combine(Arbitraries.of("[", "{\"a\":"), Arbitraries.integers()
                        .between(2, 3_000))
                .as((open, depth) -> open.repeat(depth) + "1" + (open.equals("[") ? "]" : "}").repeat(depth));
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(VALUES)),
                Tuple.of(1, longString), Tuple.of(1, deep));
        Arbitrary<Edit> edit = Arbitraries.frequencyOf(Tuple.of(6, value.map(v -> new Edit(Kind.REPLACE, v))),
                Tuple.of(2, Arbitraries.just(new Edit(Kind.DROP, ""))),
                Tuple.of(2, Arbitraries.just(new Edit(Kind.DUPLICATE, ""))),
                Tuple.of(1, Arbitraries.integers().between(1, 100).map(d -> new Edit(Kind.NEST, Integer.toString(d)))),
                Tuple.of(1, value.map(v -> new Edit(Kind.ADD_KEY, v))));
        return Combinators.combine(Arbitraries.of(POINTERS), edit).as(MessageMutants::edited);
    }

    /** A tree edit, then a byte mutation of the result. */
    static Arbitrary<Mutant> stacked() {
        return Combinators.combine(treeEdits(), Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.bytes())
                .as((m, at, value) -> {
                    if (m.bytes().length == 0) {
                        return m;
                    }
                    byte[] b = m.bytes().clone();
                    int i = at % b.length;
                    b[i] = value;
                    return new Mutant(m.description() + ", then byte " + i + " set to " + value, b);
                });
    }

    private static Mutant edited(String pointer, Edit edit) {
        String description = edit.kind() + " " + (pointer.isEmpty() ? "(root)" : pointer)
                + (edit.text().length() > 60 ? " with " + edit.text().length() + " characters of "
                + edit.text().substring(0, 12) : " " + edit.text());
        JsonNode root = TREE.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode node = root.at(at);
        String nodeText = text(node);
        String replacement = switch (edit.kind()) {
            case REPLACE -> edit.text();
            case NEST -> "[".repeat(Integer.parseInt(edit.text())) + nodeText
                    + "]".repeat(Integer.parseInt(edit.text()));
            case ADD_KEY -> node.isObject() ? withMember(node, "extra", edit.text()) : edit.text();
            case DROP, DUPLICATE -> null;
        };
        if (pointer.isEmpty()) {
            String doc = replacement != null ? replacement
                    : edit.kind() == Kind.DUPLICATE ? withMember(root, "id", text(root.get("id"))) : "";
            return new Mutant(description, doc.getBytes(StandardCharsets.UTF_8));
        }
        JsonNode parent = root.at(at.head());
        String last = at.last().getMatchingProperty();
        if (replacement != null) {
            JsonNode raw = JsonNodeFactory.instance.rawValueNode(new RawValue(replacement));
            set(parent, last, raw);
        } else if (edit.kind() == Kind.DROP) {
            if (parent instanceof ObjectNode o) {
                o.remove(last);
            } else {
                ((ArrayNode) parent).remove(Integer.parseInt(last));
            }
        } else {
            String doubled = parent instanceof ObjectNode ? withMember(parent, last, nodeText)
                    : insertElement((ArrayNode) parent, Integer.parseInt(last), nodeText);
            JsonPointer parentAt = at.head();
            if (parentAt.matches()) {
                return new Mutant(description, doubled.getBytes(StandardCharsets.UTF_8));
            }
            set(root.at(parentAt.head()), parentAt.last().getMatchingProperty(),
                    JsonNodeFactory.instance.rawValueNode(new RawValue(doubled)));
        }
        return new Mutant(description, text(root).getBytes(StandardCharsets.UTF_8));
    }

    private static void set(JsonNode parent, String key, JsonNode value) {
        if (parent instanceof ObjectNode o) {
            o.set(key, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(key), value);
        }
    }

    /** The object's text with one more member {@code key: valueText} at its end (a duplicate when key exists). */
    private static String withMember(JsonNode object, String key, String valueText) {
        StringBuilder sb = new StringBuilder("{");
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append(text(JsonNodeFactory.instance.textNode(e.getKey()))).append(':').append(text(e.getValue()))
                    .append(',');
        }
        return sb.append(text(JsonNodeFactory.instance.textNode(key))).append(':').append(valueText).append('}')
                .toString();
    }

    private static String insertElement(ArrayNode array, int index, String elementText) {
        List<String> parts = new ArrayList<>();
        array.forEach(e -> parts.add(text(e)));
        parts.add(index, elementText);
        return "[" + String.join(",", parts) + "]";
    }

    private static List<String> pointers(JsonNode root) {
        List<String> out = new ArrayList<>();
        collect(root, "", out);
        return List.copyOf(out);
    }

    private static void collect(JsonNode node, String pointer, List<String> out) {
        out.add(pointer);
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collect(node.get(name), pointer + "/" + name, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static List<Integer> structuralPositions() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ORIGINAL.length; i++) {
            if ("{}[]\":,".indexOf(ORIGINAL[i]) >= 0) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    private static byte[] splice(int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ORIGINAL.length + insert.length);
        out.write(ORIGINAL, 0, at);
        out.writeBytes(insert);
        out.write(ORIGINAL, at + remove, ORIGINAL.length - at - remove);
        return out.toByteArray();
    }

    private static JsonNode tree() {
        try {
            return PLAIN.readTree(ORIGINAL);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return PLAIN.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** What a tree edit does. */
    private enum Kind { REPLACE, DROP, DUPLICATE, NEST, ADD_KEY }

    /** A tree edit: its kind and, for a replacement or an added key, the JSON text of the value. */
    private record Edit(Kind kind, String text) {
    }

    /**
     * A mutated file.
     *
     * @param description how it was made from the example, for the report of a failing case
     * @param bytes       the file's bytes
     */
    public record Mutant(String description, byte[] bytes) {
        @Override
        public String toString() {
            return description + " (" + bytes.length + " bytes)";
        }
    }
}
