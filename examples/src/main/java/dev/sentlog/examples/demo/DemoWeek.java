package dev.sentlog.examples.demo;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Message;
import dev.sentlog.core.message.MessageTypeKind;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.message.Sender;
import dev.sentlog.spi.CallStatusCode;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The school week of the demo district before its snow day: two earlier messages to the same families
 * and the addresses whose every delivery, that week and on the snow day, ends the same way, so that the
 * Recipient Log, contacts to fix, household reach and resend each have something to show (SPEC H, Y):
 * <ul>
 *   <li>one household nobody reaches on any channel: every device of its guardians and students fails
 *       (inbox and email FAILED, voice 3 Not In Service, text -2 Invalid Phone #);</li>
 *   <li>wrong numbers elsewhere: voice 3 Not In Service, -7 Local Operator and 7 Fax, text -2 Invalid
 *       Phone # and -23 Local Fax;</li>
 *   <li>two email addresses that bounce every time;</li>
 *   <li>a text number that opted out (-33) and a voice number on the Do Not Call list (-3).</li>
 * </ul>
 * The problems are picked from the first {@value #WEEK_ENTRIES} entries of the district list (those the
 * earlier messages go to), in list order, so the same list gives the same week.
 */
public final class DemoWeek {

    /** The id of Wednesday's message. */
    public static final String WEDNESDAY_ID = "m-1991";
    /** The id of Friday's message. */
    public static final String FRIDAY_ID = "m-1992";
    /** How many entries of the district list the week's earlier messages go to. */
    public static final int WEEK_ENTRIES = 300;

    /** Not Dialed: Do Not Call (SPEC H3 "do not contact"). */
    static final int DO_NOT_CALL = -3;

    /**
     * An address whose every delivery ends with one outcome.
     *
     * @param channel the channel
     * @param address the address as the list spells it first
     * @param outcome the outcome of every delivery to it
     */
    public record ProblemAddress(Channel channel, String address, DeviceOutcome outcome) {
    }

    private final List<RecipientEntry> weekList;
    private final List<ProblemAddress> problems;
    private final Set<String> unreachedStudents;

    private DemoWeek(List<RecipientEntry> weekList, List<ProblemAddress> problems, Set<String> unreachedStudents) {
        this.weekList = weekList;
        this.problems = problems;
        this.unreachedStudents = unreachedStudents;
    }

    /**
     * The week of a district list.
     *
     * @param district the snow day's recipient list
     * @return the week
     */
    public static DemoWeek of(List<RecipientEntry> district) {
        List<RecipientEntry> week = List.copyOf(district.subList(0, Math.min(WEEK_ENTRIES, district.size())));
        Map<String, ProblemAddress> problems = new LinkedHashMap<>();
        Set<String> household = householdPersons(week);
        Set<String> students = new LinkedHashSet<>();
        for (RecipientEntry e : week) {
            if (household.contains(e.person().id())) {
                e.student().ifPresent(s -> students.add(s.id()));
                for (Device d : e.devices()) {
                    put(problems, d, unreachable(d.channel()));
                }
            }
        }
        Map<Channel, Deque<DeviceOutcome>> wanted = new EnumMap<>(Channel.class);
        wanted.put(Channel.VOICE, new ArrayDeque<>(List.of(DeviceOutcome.call(3), DeviceOutcome.call(-7),
                DeviceOutcome.call(7), DeviceOutcome.call(DO_NOT_CALL))));
        wanted.put(Channel.TEXT, new ArrayDeque<>(List.of(DeviceOutcome.call(-2), DeviceOutcome.call(-23),
                DeviceOutcome.call(CallStatusCode.SMS_OPT_OUT))));
        wanted.put(Channel.EMAIL, new ArrayDeque<>(List.of(DeviceOutcome.of(DeviceStatus.FAILED),
                DeviceOutcome.of(DeviceStatus.FAILED))));
        Set<String> taken = new LinkedHashSet<>(household);
        for (RecipientEntry e : week) {
            if (taken.contains(e.person().id())) {
                continue;
            }
            for (Device d : e.devices()) {
                Deque<DeviceOutcome> queue = wanted.get(d.channel());
                if (queue != null && !queue.isEmpty() && !problems.containsKey(key(d))
                        && !Addresses.normalise(d.channel(), d.address()).isBlank()) {
                    put(problems, d, queue.poll());
                    // one problem per person, so that each shows on its own
                    taken.add(e.person().id());
                    break;
                }
            }
        }
        return new DemoWeek(week, List.copyOf(problems.values()), Set.copyOf(students));
    }

    /** The persons of the first household: the entries about the first entry's student. */
    private static Set<String> householdPersons(List<RecipientEntry> week) {
        Set<String> persons = new LinkedHashSet<>();
        if (week.isEmpty() || week.get(0).student().isEmpty()) {
            return persons;
        }
        Person first = week.get(0).student().get();
        for (RecipientEntry e : week) {
            if (e.student().filter(first::equals).isPresent()) {
                persons.add(e.person().id());
            }
        }
        // the students of those guardians are the household's too, and so are they as recipients
        Set<String> siblings = new LinkedHashSet<>();
        for (RecipientEntry e : week) {
            if (persons.contains(e.person().id())) {
                e.student().ifPresent(s -> siblings.add(s.id()));
            }
        }
        persons.addAll(siblings);
        return persons;
    }

    private static DeviceOutcome unreachable(Channel channel) {
        return switch (channel) {
            case INBOX, EMAIL -> DeviceOutcome.of(DeviceStatus.FAILED);
            case VOICE -> DeviceOutcome.call(3);
            case TEXT -> DeviceOutcome.call(-2);
        };
    }

    private static void put(Map<String, ProblemAddress> problems, Device d, DeviceOutcome outcome) {
        if (!Addresses.normalise(d.channel(), d.address()).isBlank()) {
            problems.putIfAbsent(key(d), new ProblemAddress(d.channel(), d.address(), outcome));
        }
    }

    private static String key(Device d) {
        return d.channel() + " " + Addresses.normalise(d.channel(), d.address());
    }

    /** The addresses whose every delivery ends the same way, household first. */
    public List<ProblemAddress> problems() {
        return problems;
    }

    /** The ids of the students of the household nobody reaches. */
    public Set<String> unreachedStudents() {
        return unreachedStudents;
    }

    /**
     * Wednesday's message: an early dismissal on Friday, on every channel.
     *
     * @param sender  the sender
     * @param created when it is created
     * @return the message
     */
    Message wednesday(Sender sender, Instant created) {
        return Message.builder().id(WEDNESDAY_ID).messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER).districtOrSchool("Harrison High")
                .subject("Early dismissal on Friday at 12:30").sender(sender).createdAt(created).scheduledAt(created)
                .scheduleId("48201").deliveryModes(Channel.INBOX, Channel.EMAIL, Channel.VOICE, Channel.TEXT)
                .textMessagingEnabled(true).body("Harrison High dismisses at 12:30 on Friday.")
                .text("Early dismissal Friday 12:30.").recipients(weekList).build();
    }

    /**
     * Friday's message: the week's attendance, by email, voice and text.
     *
     * @param sender  the sender
     * @param created when it is created
     * @return the message
     */
    Message friday(Sender sender, Instant created) {
        List<RecipientEntry> guardians = new ArrayList<>();
        for (RecipientEntry e : weekList) {
            if (e.student().filter(s -> !s.equals(e.person())).isPresent()) {
                guardians.add(e);
            }
        }
        return Message.builder().id(FRIDAY_ID).messageType("Message Builder - General Notification")
                .messageTypeKind(MessageTypeKind.MESSENGER).districtOrSchool("Harrison High")
                .subject("Attendance this week").sender(sender).createdAt(created).scheduledAt(created)
                .scheduleId("48202").deliveryModes(Channel.EMAIL, Channel.VOICE, Channel.TEXT)
                .textMessagingEnabled(true).body("Your student's attendance this week is in the portal.")
                .text("Attendance this week is in the portal.")
                .recipients(guardians.isEmpty() ? weekList : guardians).build();
    }
}
