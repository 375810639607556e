package dev.sentlog.core.resend;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.contacts.ContactKind;
import dev.sentlog.core.internal.Checks;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageStatus;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Who a resend goes to (SPEC Y1), and the message it becomes. The one computation behind both the
 * preview and the send, so that they agree (Y4).
 *
 * <p>A device of the original is resent when it is on one of the message's delivery modes, its
 * normalised address (D1) is not blank, and
 * <ul>
 *   <li>no occurrence of its address on its channel succeeded (D3);</li>
 *   <li>no occurrence of its address opted out or was Do Not Call, and the contact ledger does not
 *       mark the address "do not contact" (H3);</li>
 *   <li>it was not canceled (C5);</li>
 *   <li>it is the first occurrence of its address on its channel among the resent devices (D2);</li>
 *   <li>for {@link ResendAudience#NOT_REACHED}: its person was not reached (no successful device
 *       at all); for {@link ResendAudience#FAILED_DEVICES}: it failed (K6).</li>
 * </ul>
 * Recipient entries keep their order, person and student, with the resent devices only; an entry
 * left without a device is dropped.
 */
public final class ResendPlan {

    /** The statuses a message can be resent from (SPEC Y2). */
    public static final Set<MessageStatus> RESENDABLE = Set.of(MessageStatus.SENT, MessageStatus.FAILED,
            MessageStatus.ERROR, MessageStatus.CANCELED_IP);

    /** An address flag: one of its occurrences succeeded (D3). */
    private static final byte SUCCEEDED = 1;
    /** An address flag: opted out, Do Not Call, or marked "do not contact" by the ledger (H3). */
    private static final byte REFUSED = 2;
    /** An address flag: already resent on an earlier device (D2). */
    private static final byte TAKEN = 4;
    /** An address flag: already among the addresses the ledger is asked about. */
    private static final byte ASKED = 8;

    private ResendPlan() {
    }

    /**
     * Computes who a resend of a message would go to.
     *
     * @param original     the message as it is now
     * @param audience     the audience
     * @param classifier   the log's outcome classification (K3-K6)
     * @param doNotContact answers which of the given normalised addresses on a channel the contact
     *                     ledger marks "do not contact"
     * @return the preview
     */
    public static ResendPreview preview(Message original, ResendAudience audience, OutcomeClassifier classifier,
                                        BiFunction<Channel, Collection<String>, Set<String>> doNotContact) {
        Checks.requireNonNull(original, "original");
        Checks.requireNonNull(audience, "audience");
        Checks.requireNonNull(classifier, "classifier");
        Checks.requireNonNull(doNotContact, "doNotContact");
        boolean[] inModes = new boolean[Channel.values().length];
        original.deliveryModes().forEach(c -> inModes[c.ordinal()] = true);
        List<RecipientEntry> entries = original.recipients();
        int n = original.deviceCount();
        // each distinct (channel, normalised address) gets an id; what is known of it is kept in flags
        int[] idOfRow = new int[n];
        OutcomeClass[] classes = new OutcomeClass[n];
        byte[] flags = new byte[n];
        String[] addressOfId = new String[n];
        Map<Channel, Map<String, Integer>> ids = new EnumMap<>(Channel.class);
        int next = 0;
        int row = 0;
        for (RecipientEntry e : entries) {
            for (Device d : e.devices()) {
                Channel channel = d.channel();
                String address = inModes[channel.ordinal()] ? Addresses.normalise(channel, d.address()) : "";
                int id = -1;
                if (!address.isBlank()) {
                    Map<String, Integer> ofChannel = ids.computeIfAbsent(channel, c -> new HashMap<>());
                    Integer known = ofChannel.putIfAbsent(address, next);
                    if (known == null) {
                        addressOfId[next] = address;
                        id = next++;
                    } else {
                        id = known;
                    }
                    OutcomeClass c = classifier.classify(channel, d.outcome(), d.confirmed());
                    classes[row] = c;
                    if (c == OutcomeClass.SUCCESS) {
                        flags[id] |= SUCCEEDED; // also a confirmed call whatever its code (K3)
                    }
                    if (isDoNotContact(c, d.outcome())) {
                        flags[id] |= REFUSED;
                    }
                }
                idOfRow[row++] = id;
            }
        }
        // the ledger is asked only about the addresses that could still be resent, each once
        Map<Channel, List<String>> candidates = new EnumMap<>(Channel.class);
        row = 0;
        for (RecipientEntry e : entries) {
            for (Device d : e.devices()) {
                int id = idOfRow[row];
                if (id >= 0 && classes[row] != OutcomeClass.CANCELED
                        && (flags[id] & (SUCCEEDED | REFUSED | ASKED)) == 0) {
                    flags[id] |= ASKED;
                    candidates.computeIfAbsent(d.channel(), c -> new ArrayList<>()).add(addressOfId[id]);
                }
                row++;
            }
        }
        for (Map.Entry<Channel, List<String>> c : candidates.entrySet()) {
            Map<String, Integer> ofChannel = ids.get(c.getKey());
            for (String address : doNotContact.apply(c.getKey(), c.getValue())) {
                Integer id = ofChannel.get(address);
                if (id != null) {
                    flags[id] |= REFUSED;
                }
            }
        }
        Set<String> reachedPersons = new HashSet<>();
        row = 0;
        for (RecipientEntry e : entries) {
            for (int d = 0; d < e.devices().size(); d++, row++) {
                if (idOfRow[row] >= 0 && (flags[idOfRow[row]] & SUCCEEDED) != 0) {
                    reachedPersons.add(e.person().id());
                }
            }
        }
        List<RecipientEntry> out = new ArrayList<>();
        row = 0;
        for (RecipientEntry e : entries) {
            List<Device> devices = null;
            boolean personReached = reachedPersons.contains(e.person().id());
            for (Device d : e.devices()) {
                int r = row++;
                int id = idOfRow[r];
                if (id < 0 || (flags[id] & (SUCCEEDED | REFUSED | TAKEN)) != 0 || classes[r] == OutcomeClass.CANCELED) {
                    continue;
                }
                boolean inAudience = audience == ResendAudience.NOT_REACHED ? !personReached
                        : classes[r] == OutcomeClass.FAILURE;
                if (inAudience) {
                    flags[id] |= TAKEN;
                    if (devices == null) {
                        devices = new ArrayList<>(e.devices().size());
                    }
                    devices.add(Device.of(d.channel(), d.address(), DeviceStatus.PENDING));
                }
            }
            if (devices != null) {
                out.add(RecipientEntry.of(e.person(), e.student().orElse(null), devices));
            }
        }
        return new ResendPreview(original.id(), audience, out);
    }

    /** An opt-out or Do Not Call (SPEC H3, K5), as {@link ContactKind#of} reads it. */
    private static boolean isDoNotContact(OutcomeClass c, DeviceOutcome outcome) {
        if (c == OutcomeClass.OPTED_OUT) {
            return true;
        }
        int code = outcome instanceof DeviceOutcome.Call call ? call.code().code() : Integer.MIN_VALUE;
        return c.isFinal() && c != OutcomeClass.CANCELED
                && (code == CallStatusCode.SMS_OPT_OUT || code == ContactKind.DO_NOT_CALL);
    }

    /**
     * The new message a resend records: the original's content (type, school, subject, sender,
     * reply-to, caller ID, delivery modes, body, text, files, filter criteria) with a new id, created
     * and scheduled now, Waiting, sent to exactly the preview's recipients. It is no scheduler's
     * message (blank schedule name), so it is visible at once (V1).
     *
     * @param original the original
     * @param preview  the preview computed for it
     * @param newId    the new message's id
     * @param now      the log's clock's now
     * @return the message to record
     */
    public static Message message(Message original, ResendPreview preview, String newId, Instant now) {
        Checks.requireNonNull(original, "original");
        Checks.requireNonNull(preview, "preview");
        Checks.requireNonBlank(newId, "newId");
        Checks.requireNonNull(now, "now");
        Checks.requireArgument(preview.originalId().equals(original.id()), "the preview is of message %s, not %s",
                preview.originalId(), original.id());
        return original.toBuilder().id(newId).status(MessageStatus.WAITING).createdAt(now).scheduledAt(now)
                .scheduleName("").startedAt(null).endedAt(null).cancellation(null)
                .recipients(preview.recipients()).build();
    }
}
