package dev.sentlog.examples.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.totals.DeliveryTotals;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes messages in the interchange format "sentlog-message/1" (SPEC section 10) and
 * writes Delivery Summary totals as the J3 object.
 *
 * <p>The shape comes from the Jackson annotations on the core's message records; this class adds
 * what only a configured mapper can: times are written as ISO-8601 with the offset of the
 * district's zone given at construction (e.g. {@code 2019-12-02T08:55:00-06:00}) and read from any
 * ISO-8601 time with an offset; reading is strict (unknown fields, duplicate keys, nulls inside
 * lists, numbers for enums, quoted numbers and fractional codes are refused), and every failure
 * becomes one {@link MalformedMessageException} naming the JSON path of the first bad field (J2).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MessageJson {

    private static final String OFFSET_ATTRIBUTE = MessageJson.class.getName() + ".createdAtOffset";

    private final ZoneId zone;
    private final ReadLimits limits;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private MessageJson(ZoneId zone, ReadLimits limits) {
        this.zone = zone;
        this.limits = limits;
        SimpleModule times = new SimpleModule("sentlog-times");
        times.addSerializer(Instant.class, new ZonedInstantSerializer(zone));
        times.addDeserializer(Instant.class, new OffsetInstantDeserializer());
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(GuardedParser.constraints(limits)).build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(times)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .withConfigOverride(List.class,
                        o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(Set.class,
                        o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withCoercionConfig(LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum,
                        c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .build();
        this.reader = mapper.readerFor(Message.class);
        this.writer = mapper.writer();
    }

    /**
     * A codec that writes times in the given zone (the district's) and reads within the default
     * {@link ReadLimits}. Reading does not depend on the zone.
     *
     * @param zone the district's time zone
     * @return the codec
     * @throws NullPointerException when zone is null
     */
    public static MessageJson inZone(ZoneId zone) {
        return new MessageJson(Objects.requireNonNull(zone, "zone"), ReadLimits.defaults());
    }

    /**
     * This codec with other resource limits for reading.
     *
     * @param limits the limits a file must keep within
     * @return a new codec; this one is unchanged
     * @throws NullPointerException when limits is null
     */
    public MessageJson withLimits(ReadLimits limits) {
        return new MessageJson(zone, Objects.requireNonNull(limits, "limits"));
    }

    /** The zone times are written in. */
    public ZoneId zone() {
        return zone;
    }

    /** The resource limits a file read by this codec must keep within. */
    public ReadLimits limits() {
        return limits;
    }

    /**
     * Reads one message within this codec's {@link #limits()}: reading stops at the first limit
     * exceeded, before the message is built. The stream is read to its end.
     *
     * @param in the UTF-8 JSON document
     * @return the message and the offset of its {@code createdAt}
     * @throws ReadLimitExceededException when the file goes over a limit, naming the limit and the
     *                                    JSON path where reading stopped
     * @throws MalformedMessageException  naming the JSON path of the first bad field (SPEC J2)
     * @throws UncheckedIOException       when the stream cannot be read
     */
    public ImportedMessage read(InputStream in) {
        Objects.requireNonNull(in, "in");
        ZoneOffset[] createdAtOffset = new ZoneOffset[1];
        Message message;
        ObjectReader withOffset = reader.withAttribute(OFFSET_ATTRIBUTE, createdAtOffset);
        try (JsonParser parser = new GuardedParser(withOffset.createParser(GuardedParser.bounded(in, limits)), limits)) {
            message = withOffset.readValue(parser);
        } catch (JsonProcessingException e) {
            throw ownError(e).orElseGet(() -> JsonErrors.translate(e));
        } catch (IOException e) {
            throw ownError(e).<RuntimeException>map(m -> m).orElseGet(() -> new UncheckedIOException(e));
        }
        if (message == null) {
            // a document that is only the JSON literal null
            throw new MalformedMessageException(MalformedMessageException.TOP_LEVEL, "null is not a message object");
        }
        return new ImportedMessage(message, createdAtOffset[0]);
    }

    /**
     * Databind wraps what the parser or the stream throws; an error of {@link GuardedParser} (a limit
     * exceeded, a string that is not Unicode) is reported as it was thrown.
     */
    private static Optional<MalformedMessageException> ownError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MalformedMessageException own) {
                return Optional.of(own);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads one message from a string.
     *
     * @param json the JSON document
     * @return the message and the offset of its {@code createdAt}
     * @throws MalformedMessageException naming the JSON path of the first bad field (SPEC J2)
     */
    public ImportedMessage read(String json) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes one message as UTF-8 JSON, indented. The stream is flushed, not closed.
     *
     * @param message the message
     * @param out     where to write
     * @throws UncheckedIOException when the stream cannot be written
     */
    public void write(Message message, OutputStream out) {
        writeValue(message, out);
    }

    /**
     * Writes one message as a JSON string, indented.
     *
     * @param message the message
     * @return the JSON document
     */
    public String write(Message message) {
        return writeString(message);
    }

    /**
     * Writes Delivery Summary totals as the J3 object: exactly the keys {@code totalRecipients,
     * totalNoDevice, totalInbox, totalEmails, totalEmailsAttempted, totalVoice, totalVoiceAttempted,
     * totalText, totalTextAttempted, contactedByPhone, notContactedByPhone}.
     *
     * @param totals the totals
     * @return the JSON object, indented
     */
    public String writeTotals(DeliveryTotals totals) {
        return writeString(totals);
    }

    private void writeValue(Object value, OutputStream out) {
        try {
            writer.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String writeString(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Writes an instant as ISO-8601 with the offset it has in the district's zone. */
    private static final class ZonedInstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;
        private final transient ZoneId zone;

        ZonedInstantSerializer(ZoneId zone) {
            super(Instant.class);
            this.zone = zone;
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(zone)));
        }
    }

    /** Reads an ISO-8601 time with an offset; remembers the offset of the top-level createdAt. */
    private static final class OffsetInstantDeserializer extends StdDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        OffsetInstantDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            OffsetDateTime time;
            try {
                time = OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, JsonErrors.NOT_A_TIME, text, Instant.class);
            }
            if ("createdAt".equals(p.currentName()) && p.getParsingContext().getParent().inRoot()
                    && ctxt.getAttribute(OFFSET_ATTRIBUTE) instanceof ZoneOffset[] holder) {
                holder[0] = time.getOffset();
            }
            return time.toInstant();
        }
    }
}
