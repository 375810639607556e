package dev.sentlog.examples.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * A parser that checks the document token by token, before databind builds anything. It enforces
 * the {@link ReadLimits}: the recipients are counted as they start, addresses and texts are
 * measured as they are read, and Jackson's own {@link StreamReadConstraints} failures (string
 * length, nesting, number and name length) become {@link ReadLimitExceededException}s naming the
 * limit and the JSON path. And it refuses a string that is not valid Unicode (an escaped UTF-16
 * surrogate, D800 to DFFF, without its pair), which could be read but never written back as UTF-8.
 */
final class GuardedParser extends JsonParserDelegate {

    /** Top-level fields bounded by {@link ReadLimits#maxTextLength()}. */
    private static final Set<String> TEXTS = Set.of("subject", "body", "text");
    /** Fields bounded by {@link ReadLimits#maxAddressLength()}, wherever they are. */
    private static final Set<String> ADDRESSES = Set.of("address", "email", "replyToEmail", "callerId");
    private static final String TOO_LONG = " is longer than the limit allows";

    private final ReadLimits limits;

    GuardedParser(JsonParser parser, ReadLimits limits) {
        super(parser);
        this.limits = limits;
    }

    /** Jackson's constraints for these limits: the string bound is the longer of text and address. */
    static StreamReadConstraints constraints(ReadLimits limits) {
        return StreamReadConstraints.builder()
                .maxStringLength(limits.maxStringLength())
                .maxNestingDepth(ReadLimits.MAX_NESTING_DEPTH)
                .maxNumberLength(ReadLimits.MAX_NUMBER_LENGTH)
                .maxNameLength(ReadLimits.MAX_NAME_LENGTH)
                .build();
    }

    /** The stream, refusing to give more than {@link ReadLimits#maxFileBytes()} bytes. */
    static InputStream bounded(InputStream in, ReadLimits limits) {
        return new BoundedStream(in, limits.maxFileBytes());
    }

    @Override
    public JsonToken nextToken() throws IOException {
        try {
            JsonToken token = delegate.nextToken();
            if (token != null) {
                check(token);
            }
            return token;
        } catch (StreamConstraintsException e) {
            throw fromConstraint(e);
        }
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    private void check(JsonToken token) throws IOException {
        JsonStreamContext context = delegate.getParsingContext();
        JsonStreamContext holder = token.isStructStart() ? context.getParent() : context;
        if ((token.isStructStart() || token.isScalarValue()) && isRecipients(holder)
                && holder.getCurrentIndex() >= limits.maxRecipients()) {
            throw new ReadLimitExceededException(JsonErrors.path(holder), "more recipients than the limit allows",
                    "maxRecipients", limits.maxRecipients());
        }
        if (token == JsonToken.VALUE_STRING) {
            int length = delegate.getTextLength();
            Bound bound = bound(context);
            if (bound != null && length > bound.value()) {
                throw new ReadLimitExceededException(JsonErrors.path(context), bound.what() + TOO_LONG, bound.name(),
                        bound.value());
            }
            if (hasUnpairedSurrogate(delegate.getTextCharacters(), delegate.getTextOffset(), length)) {
                throw new MalformedMessageException(JsonErrors.path(context),
                        "is not valid Unicode: it has an unpaired surrogate (an escape in \\uD800-\\uDFFF)");
            }
        }
    }

    private static boolean hasUnpairedSurrogate(char[] chars, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRecipients(JsonStreamContext holder) {
        JsonStreamContext parent = holder == null ? null : holder.getParent();
        return holder != null && holder.inArray() && parent != null && parent.inObject()
                && "recipients".equals(parent.getCurrentName()) && parent.getParent() != null
                && parent.getParent().inRoot();
    }

    /** The limit on the string value of the current field, or null when only the general bound applies. */
    private Bound bound(JsonStreamContext context) {
        if (!context.inObject() || context.getCurrentName() == null) {
            return null;
        }
        String name = context.getCurrentName();
        if (ADDRESSES.contains(name)) {
            return new Bound("the address", "maxAddressLength", limits.maxAddressLength());
        }
        if (TEXTS.contains(name) && context.getParent() != null && context.getParent().inRoot()) {
            return new Bound("the " + name, "maxTextLength", limits.maxTextLength());
        }
        return null;
    }

    private ReadLimitExceededException fromConstraint(StreamConstraintsException e) {
        JsonStreamContext context = delegate.getParsingContext();
        String path = JsonErrors.path(context);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("getMaxNestingDepth")) {
            return new ReadLimitExceededException(path, "arrays and objects nest deeper than the limit allows",
                    "maxNestingDepth", ReadLimits.MAX_NESTING_DEPTH);
        }
        if (message.contains("getMaxNumberLength")) {
            return new ReadLimitExceededException(path, "a number" + TOO_LONG, "maxNumberLength",
                    ReadLimits.MAX_NUMBER_LENGTH);
        }
        if (message.contains("getMaxNameLength")) {
            return new ReadLimitExceededException(path, "a field name" + TOO_LONG, "maxNameLength",
                    ReadLimits.MAX_NAME_LENGTH);
        }
        Bound bound = bound(context);
        if (bound != null) {
            return new ReadLimitExceededException(path, bound.what() + TOO_LONG, bound.name(), bound.value());
        }
        boolean text = limits.maxTextLength() >= limits.maxAddressLength();
        return new ReadLimitExceededException(path, "a string" + TOO_LONG, text ? "maxTextLength" : "maxAddressLength",
                limits.maxStringLength());
    }

    /** A limit on a string: what it bounds, its name and value. */
    private record Bound(String what, String name, int value) {
    }

    /** Counts the bytes read and refuses to go past the limit. */
    private static final class BoundedStream extends FilterInputStream {
        private final long max;
        private long count;

        BoundedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long room = max - count + 1;
            int n = in.read(buffer, offset, (int) Math.min(length, Math.max(room, 1)));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, max - count + 1));
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long n) {
            count += n;
            if (count > max) {
                throw new ReadLimitExceededException(MalformedMessageException.TOP_LEVEL,
                        "the file is larger than the limit allows", "maxFileBytes", max);
            }
        }
    }
}
