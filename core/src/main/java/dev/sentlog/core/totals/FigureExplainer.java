package dev.sentlog.core.totals;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out {@link DeliveryAnalysis#explain} (SPEC E1): groups the recipient list's devices by
 * normalised address or by person, and keeps the groups the analysis's own rules count
 * ({@link DeliveryAnalysis#counts}, the analysis's contacted and has-device answers). One pass over the
 * list; nothing is kept.
 */
final class FigureExplainer {

    private FigureExplainer() {
    }

    static FigureExplanation explain(DeliveryAnalysis analysis, Figure figure, List<RecipientEntry> entries,
                                     EnumSet<Channel> modes, OutcomeClassifier classifier) {
        return new FigureExplanation(figure, figure.counts() == Figure.Counts.PERSONS
                ? persons(analysis, figure, entries, modes, classifier)
                : addresses(analysis, figure, entries, channelsOf(figure, modes), classifier));
    }

    /** The channels an address figure looks at, among the message's delivery modes. */
    private static EnumSet<Channel> channelsOf(Figure figure, EnumSet<Channel> modes) {
        EnumSet<Channel> channels;
        switch (figure) {
            case TOTAL_INBOX:
                channels = EnumSet.of(Channel.INBOX);
                break;
            case TOTAL_EMAILS:
            case TOTAL_EMAILS_ATTEMPTED:
                channels = EnumSet.of(Channel.EMAIL);
                break;
            case TOTAL_VOICE:
            case TOTAL_VOICE_ATTEMPTED:
                channels = EnumSet.of(Channel.VOICE);
                break;
            case TOTAL_TEXT:
            case TOTAL_TEXT_ATTEMPTED:
                channels = EnumSet.of(Channel.TEXT);
                break;
            default:
                channels = EnumSet.of(Channel.VOICE, Channel.TEXT);
                break;
        }
        channels.retainAll(modes);
        return channels;
    }

    /** The occurrences of one address, and their flags or-ed together (D3). */
    private static final class AddressGroup {
        final EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        final List<DeviceRef> devices = new ArrayList<>(2);
        int flags;
    }

    private static List<CountedItem> addresses(DeliveryAnalysis analysis, Figure figure, List<RecipientEntry> entries,
                                               EnumSet<Channel> channels, OutcomeClassifier classifier) {
        if (channels.isEmpty()) {
            return List.of();
        }
        Map<String, AddressGroup> groups = new LinkedHashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            RecipientEntry entry = entries.get(e);
            List<Device> devices = entry.devices();
            for (int d = 0; d < devices.size(); d++) {
                Device device = devices.get(d);
                if (!channels.contains(device.channel())) {
                    continue;
                }
                String address = Addresses.normalise(device.channel(), device.address());
                if (address.isBlank()) {
                    continue;
                }
                OutcomeClass cls = classifier.classify(device.channel(), device.outcome(), device.confirmed());
                AddressGroup g = groups.computeIfAbsent(address, a -> new AddressGroup());
                g.channels.add(device.channel());
                g.devices.add(new DeviceRef(e, d, entry.person(), device, cls, analysis.isDuplicate(e, d)));
                g.flags |= DeliveryAnalysis.deviceFlags(device.channel(), cls);
            }
        }
        List<CountedItem> items = new ArrayList<>();
        for (Map.Entry<String, AddressGroup> a : groups.entrySet()) {
            AddressGroup g = a.getValue();
            if (DeliveryAnalysis.counts(figure, g.flags)) {
                items.add(new CountedItem.Address(g.channels, a.getKey(), g.devices));
            }
        }
        return items;
    }

    /** One person's first entry and the devices the figure shows for them. */
    private static final class PersonGroup {
        final int firstEntry;
        final List<DeviceRef> devices = new ArrayList<>(2);

        PersonGroup(int firstEntry) {
            this.firstEntry = firstEntry;
        }
    }

    private static List<CountedItem> persons(DeliveryAnalysis analysis, Figure figure, List<RecipientEntry> entries,
                                             EnumSet<Channel> modes, OutcomeClassifier classifier) {
        boolean phoneOnly = figure == Figure.CONTACTED_BY_PHONE || figure == Figure.NOT_CONTACTED_BY_PHONE;
        boolean withDevices = figure != Figure.TOTAL_NO_DEVICE;
        Map<String, PersonGroup> groups = new LinkedHashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            RecipientEntry entry = entries.get(e);
            if (!personCounts(analysis, figure, e)) {
                continue;
            }
            int first = e;
            PersonGroup g = groups.computeIfAbsent(entry.person().id(), id -> new PersonGroup(first));
            List<Device> devices = entry.devices();
            for (int d = 0; withDevices && d < devices.size(); d++) {
                Device device = devices.get(d);
                Channel c = device.channel();
                if (modes.contains(c) && (!phoneOnly || c.isPhone()) && !device.isBlank()) {
                    g.devices.add(new DeviceRef(e, d, entry.person(), device,
                            classifier.classify(c, device.outcome(), device.confirmed()), analysis.isDuplicate(e, d)));
                }
            }
        }
        List<CountedItem> items = new ArrayList<>(groups.size());
        for (PersonGroup g : groups.values()) {
            items.add(new CountedItem.Recipient(entries.get(g.firstEntry).person(), g.devices));
        }
        return items;
    }

    /** Whether the person of an entry counts in a person figure, by the analysis's answers. */
    private static boolean personCounts(DeliveryAnalysis analysis, Figure figure, int entry) {
        switch (figure) {
            case TOTAL_RECIPIENTS:
                return true;
            case TOTAL_NO_DEVICE:
                return !analysis.personHasDevice(entry);
            case CONTACTED_BY_PHONE:
                return analysis.isContactedByPhone(entry);
            default:
                return !analysis.isContactedByPhone(entry);
        }
    }
}
