package dev.sentlog.examples.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns Jackson's failures into one {@link MalformedMessageException} with a JSON path (SPEC J2). */
final class JsonErrors {

    static final String NOT_A_TIME = "not an ISO-8601 time with offset";

    /** A core check's message: {@code <record>.<field> <problem>}, e.g. {@code person.id must not be blank}. */
    private static final Pattern FIELD_CHECK = Pattern.compile("^[A-Za-z]+\\.([A-Za-z]+) (.+)$", Pattern.DOTALL);
    /**
     * Fields that hold contact details or message text: errors about them never quote the value,
     * since hosts log these errors (children's families' addresses and phone numbers).
     */
    private static final Pattern PERSONAL = Pattern.compile("(^|\\.)(address|body|text|name|email|replyToEmail|callerId)$");
    /** Jackson quotes a token it could not read, which may be part of an address. */
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '[^']*'");
    /** Jackson names the token it met: {@code (token `JsonToken.START_ARRAY`)}. */
    private static final Pattern TOKEN = Pattern.compile("token `JsonToken\\.([A-Z_]+)`");
    /** Jackson refuses a coercion: {@code Cannot coerce String value ("5") to `java.lang.Integer`}. */
    private static final Pattern COERCE = Pattern.compile("Cannot coerce ([A-Za-z-]+) value \\((.*?)\\) to");
    /**
     * Jackson cannot make an object of a scalar:
     * {@code Cannot construct instance of `...` (...): no String-argument constructor/factory method to
     * deserialize from String value ('...')}.
     */
    private static final Pattern CONSTRUCT = Pattern.compile("deserialize from ([A-Za-z-]+) value \\(");
    /** A quoted part of a message Jackson wrote, which may be a value of the file. */
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|\\(\"[^\"]*\"\\)");
    /**
     * A value an error quotes: a word (a misspelt enum name), something like a time, or a short
     * number. Anything else may be an address, a phone number or a name that a missing quote moved
     * into the field, so it is not shown.
     */
    private static final Pattern SHOWN_VALUE = Pattern.compile(
            "[A-Za-z_-]{0,40}|\\d{4}-\\d{2}[0-9T:+\\-.Z]{0,30}|-?\\d{1,6}(\\.\\d{1,6})?");
    private static final String NOT_SHOWN = " (not shown: it may be personal data)";
    /** Jackson names a key it saw twice: {@code Duplicate field 'id'}. */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    /**
     * A key shown as it is in the path of a field error: a field name or a likely misspelling of one.
     * Any other key is shown as {@link #HIDDEN_KEY}, since after a missing quote a key can be the
     * text of an address, a name or a message.
     */
    private static final Pattern SHOWN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    /**
     * The keys of "sentlog-message/1" (SPEC section 10): the only keys the path of a syntax error
     * shows, since there the key may be a value the broken syntax turned into a key.
     */
    static final Set<String> FORMAT_KEYS = Set.of("format", "id", "messageType", "messageTypeKind",
            "districtOrSchool", "subject", "sender", "name", "email", "replyToEmail", "callerId", "createdAt",
            "scheduledAt", "scheduleId", "scheduleName", "status", "deliveryModes", "textMessagingEnabled", "body",
            "text", "emailAttachment", "uri", "audioFile", "filterCriteria", "label", "value", "table", "columns",
            "rows", "startedAt", "endedAt", "cancellation", "by", "at", "recipients", "person", "student", "devices",
            "channel", "address", "callStatus", "confirmed", "time");
    /** What a path shows for a key that does not look like a field name. */
    static final String HIDDEN_KEY = "?";
    /** Jackson's note of where a structure began; the location is given separately. */
    private static final Pattern START_MARKER = Pattern.compile(" ?\\(start marker at .*$");

    private JsonErrors() {
    }

    static MalformedMessageException translate(JsonProcessingException e) {
        StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            String path = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m.getPath())
                    : syntax.getProcessor() == null ? MalformedMessageException.TOP_LEVEL
                    : path(syntax.getProcessor().getParsingContext());
            return new MalformedMessageException(path, syntax(syntax));
        }
        if (e instanceof JsonMappingException m) {
            return translateMapping(m);
        }
        return new MalformedMessageException(MalformedMessageException.TOP_LEVEL,
                unquoted(firstLine(e.getOriginalMessage())));
    }

    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s && !(t instanceof MismatchedInputException)) {
                return s;
            }
        }
        return null;
    }

    private static MalformedMessageException translateMapping(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof PropertyBindingException u) {
            Collection<Object> known = u.getKnownPropertyIds() == null ? List.of() : u.getKnownPropertyIds();
            return new MalformedMessageException(path, "is not a field of this object (expected one of "
                    + new TreeSet<>(known.stream().map(String::valueOf).toList()).stream()
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (e instanceof InvalidNullException) {
            return new MalformedMessageException(path, "must not be null");
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            Object v = f.getValue();
            if (personal(path) || (v instanceof String || v instanceof Number) && !shown(String.valueOf(v))) {
                String kind = v instanceof Number ? "a number" : v instanceof String ? "a string" : "another value";
                return new MalformedMessageException(path, "expected " + describe(target) + " but found " + kind
                        + NOT_SHOWN);
            }
            boolean named = f.getValue() instanceof String && target != null && target != String.class;
            return new MalformedMessageException(path, named ? quote(f.getValue()) + " is not " + describe(target)
                    : "expected " + describe(target) + " but found " + describeValue(f.getValue()));
        }
        if (e instanceof ValueInstantiationException) {
            return instantiation(path, e.getCause());
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof MismatchedInputException mi) {
            if (original.startsWith("No content to map")) {
                return new MalformedMessageException(MalformedMessageException.TOP_LEVEL,
                        "the file is empty; expected a JSON object");
            }
            if (original.startsWith("Trailing token")) {
                return new MalformedMessageException(MalformedMessageException.TOP_LEVEL,
                        "unexpected content after the message object");
            }
            String found = found(original, personal(path));
            if (found != null) {
                return new MalformedMessageException(path, "expected " + describe(mi.getTargetType()) + " but found "
                        + found);
            }
        }
        if (e.getCause() instanceof RuntimeException cause) {
            return instantiation(path, cause);
        }
        return new MalformedMessageException(path, unquoted(firstLine(original)));
    }

    /** Jackson's message without what it quotes, which may be a value of the file. */
    private static String unquoted(String message) {
        return QUOTED.matcher(message).replaceAll("(value not shown)");
    }

    private static boolean personal(String path) {
        return PERSONAL.matcher(path).find();
    }

    /**
     * What Jackson found instead of the expected value, read from its message; null when it does not
     * say. For a personal field only the kind of value is named, never the value itself.
     */
    private static String found(String original, boolean personal) {
        Matcher token = TOKEN.matcher(original);
        if (token.find()) {
            return describe(JsonToken.valueOf(token.group(1)));
        }
        Matcher construct = CONSTRUCT.matcher(original);
        if (construct.find()) {
            return switch (construct.group(1)) {
                case "String" -> "a string";
                case "Boolean" -> "a boolean";
                default -> "a number";
            };
        }
        Matcher coerce = COERCE.matcher(original);
        if (coerce.find()) {
            String value = coerce.group(2);
            boolean hidden = !personal && !shown(value.replaceAll("^\"|\"$", ""));
            return switch (coerce.group(1)) {
                case "String" -> personal ? "a string" : hidden ? "a string" + NOT_SHOWN : "the string " + value;
                case "Boolean" -> personal ? "a boolean" : value;
                default -> personal ? "a number" : hidden ? "a number" + NOT_SHOWN : "the number " + value;
            };
        }
        return null;
    }

    /** A check inside a record's constructor failed; name the field when the check names one. */
    private static MalformedMessageException instantiation(String path, Throwable cause) {
        String text = cause == null ? null : cause.getMessage();
        if (text == null) {
            return new MalformedMessageException(path, "contains a null value");
        }
        Matcher m = FIELD_CHECK.matcher(text);
        if (m.matches()) {
            String problem = m.group(2).replace("is required but was null", "is required but missing or null");
            return new MalformedMessageException(join(path, m.group(1)), problem);
        }
        return new MalformedMessageException(path, text);
    }

    private static String syntax(StreamReadException e) {
        String where = e.getLocation() == null ? ""
                : String.format(Locale.ROOT, " at line %d, column %d", e.getLocation().getLineNr(),
                e.getLocation().getColumnNr());
        String message = START_MARKER.matcher(firstLine(e.getOriginalMessage())).replaceFirst("");
        message = UNRECOGNIZED.matcher(message).replaceAll("Unrecognized token");
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            String name = FORMAT_KEYS.contains(duplicate.group(1)) ? duplicate.group(1) : HIDDEN_KEY;
            message = message.substring(0, duplicate.start()) + "Duplicate field '" + name + "'"
                    + message.substring(duplicate.end());
        }
        return "malformed JSON" + where + ": " + message;
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(key(r.getFieldName()));
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? MalformedMessageException.TOP_LEVEL : sb.toString();
    }

    static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                sb.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            } else if (c.getCurrentName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(FORMAT_KEYS.contains(c.getCurrentName()) ? c.getCurrentName() : HIDDEN_KEY);
            }
        }
        return sb.length() == 0 ? MalformedMessageException.TOP_LEVEL : sb.toString();
    }

    /** The key as a path shows it: itself when it looks like a field name, else {@link #HIDDEN_KEY}. */
    static String key(String name) {
        return SHOWN_KEY.matcher(name).matches() ? name : HIDDEN_KEY;
    }

    private static String join(String path, String field) {
        return MalformedMessageException.TOP_LEVEL.equals(path) ? field : path + "." + field;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "an ISO-8601 time with offset, e.g. \"2019-12-02T08:55:00-06:00\"";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    private static boolean shown(String value) {
        return SHOWN_VALUE.matcher(value).matches();
    }

    private static String describeValue(Object value) {
        if (value instanceof String s) {
            return "the string " + quote(s);
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        return String.valueOf(value);
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
