package dev.sentlog.core.benchmark;

import dev.sentlog.core.address.Addresses;
import dev.sentlog.core.fixtures.MessageArbitraries;
import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.core.totals.DeliveryAnalysis;
import dev.sentlog.core.totals.DeliveryTotals;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceOutcome;
import dev.sentlog.spi.DeviceStatus;
import dev.sentlog.spi.OutcomeClass;
import dev.sentlog.spi.OutcomeClassifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Delivery Summary totals (SPEC D2-D5) of one message of 1,000,000 devices (about 400,000 persons:
 * households of one or two guardians with one to three students each, one entry per guardian and
 * student, every entry with its own copies of the address strings, shared home phones and family
 * emails, one guardian in twenty without a device, phone numbers and emails written in varying
 * formats), on one thread: {@link DeliveryAnalysis}
 * against a straightforward implementation (normalise each address to a string on the fly, hash
 * sets and maps of strings) in the same run.
 *
 * <p>Run:
 * <pre>
 * mvn -B -q -Pbenchmark -pl core -am test-compile -Dcore.benchmark=TotalsBenchmark -Djmh.args="-prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class TotalsBenchmark {

    static final int DEVICES = 1_000_000;
    private static final Set<Channel> MODES = EnumSet.allOf(Channel.class);
    private static final OutcomeClassifier K = OutcomeClassifier.standard();

    /**
     * The data's shape: {@code district} (households, a guardian listed once per student) or
     * {@code personal} (one entry per person, e-mails repeated in other letter cases or padded, phone
     * numbers in three spellings; see {@link #personalMessage}).
     */
    @Param({"district", "personal"})
    public String shape = "district";

    List<RecipientEntry> entries;

    /** Builds the message's recipient list, deterministically, and prints its shape once. */
    @Setup
    public void setUp() {
        entries = shape.equals("personal") ? personalMessage(DEVICES, new Random(42))
                : districtMessage(DEVICES, new Random(42));
        long persons = entries.stream().map(e -> e.person().id()).distinct().count();
        long devices = entries.stream().mapToLong(e -> e.devices().size()).sum();
        System.out.printf("%n%,d entries, %,d persons, %,d devices%n", entries.size(), persons, devices);
    }

    /**
     * A realistic recipient list of about {@code target} devices.
     *
     * @param target  the target number of devices
     * @param random  the source of randomness
     * @return the entries
     */
    public static List<RecipientEntry> districtMessage(int target, Random random) {
        List<RecipientEntry> list = new ArrayList<>();
        int count = 0;
        int household = 0;
        DeviceOutcome[] voiceOutcomes = {DeviceOutcome.call(5), DeviceOutcome.call(6), DeviceOutcome.call(0),
            DeviceOutcome.call(1), DeviceOutcome.call(3), DeviceOutcome.call(17), DeviceOutcome.of(DeviceStatus.PENDING)};
        DeviceOutcome[] textOutcomes = {DeviceOutcome.call(-27), DeviceOutcome.call(-28), DeviceOutcome.call(-30),
            DeviceOutcome.of(DeviceStatus.OPTED_OUT), DeviceOutcome.call(-39)};
        DeviceOutcome[] emailOutcomes = {DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.of(DeviceStatus.SENT),
            DeviceOutcome.of(DeviceStatus.FAILED), DeviceOutcome.of(DeviceStatus.IN_PROGRESS)};
        while (count < target) {
            household++;
            int roll = random.nextInt(20);
            int students = roll < 15 ? 1 : roll < 19 ? 2 : 3;
            int guardians = random.nextInt(4) == 0 ? 1 : 2;
            String homePhone = String.valueOf(2_000_000_000L + household * 7L);
            for (int g = 0; g < guardians; g++) {
                Person guardian = Person.of("p-" + household + "-" + g, "Guardian" + g + ", Household" + household);
                List<Device> devices = new ArrayList<>(4);
                if (random.nextInt(20) != 0) {
                    if (random.nextBoolean()) {
                        devices.add(new Device(Channel.INBOX, "portal-" + household + "-" + g,
                                DeviceOutcome.of(random.nextInt(10) < 8 ? DeviceStatus.SENT : DeviceStatus.PENDING),
                                false, null));
                    }
                    if (random.nextInt(5) < 3) {
                        String email = random.nextInt(4) == 0 ? "family" + household + "@nomail.com"
                                : "guardian" + g + "." + household + "@nomail.com";
                        devices.add(new Device(Channel.EMAIL,
                                random.nextBoolean() ? email : " " + email.toUpperCase(Locale.ROOT),
                                emailOutcomes[random.nextInt(emailOutcomes.length)], false, null));
                    }
                    String mobile = String.valueOf(3_000_000_000L + household * 13L + g);
                    if (random.nextInt(10) < 7) {
                        String phone = g == 0 || random.nextBoolean() ? homePhone : mobile;
                        devices.add(new Device(Channel.VOICE, MessageArbitraries.formatPhone(phone, random.nextInt(7), ""),
                                voiceOutcomes[random.nextInt(voiceOutcomes.length)], random.nextInt(30) == 0, null));
                    }
                    if (random.nextInt(10) < 3) {
                        devices.add(new Device(Channel.TEXT, MessageArbitraries.formatPhone(mobile, random.nextInt(7), ""),
                                textOutcomes[random.nextInt(textOutcomes.length)], false, null));
                    }
                }
                for (int s = 0; s < students; s++) {
                    Person student = Person.of("s-" + household + "-" + s, "Student" + s + ", Household" + household);
                    // each entry holds its own copies of the addresses, as a host's query would return them
                    List<Device> copies = new ArrayList<>(devices.size());
                    for (Device d : devices) {
                        copies.add(new Device(d.channel(), new String(d.address().toCharArray()), d.outcome(),
                                d.confirmed(), d.time().orElse(null)));
                    }
                    list.add(RecipientEntry.of(guardian, student, copies));
                    count += copies.size();
                }
            }
        }
        return list;
    }

    /**
     * A recipient list of about {@code target} devices shaped unlike {@link #districtMessage}: one
     * entry per person (no runs of entries to skip), so every address is hashed; e-mail addresses
     * shared by two to four persons and written in other letter cases or padded with blanks; phone
     * numbers shared the same way, each occurrence in one of three spellings
     * ({@code (555) 123-4567}, {@code 555.123.4567}, {@code +1 555 123 4567}), on Voice and Text.
     *
     * @param target the target number of devices
     * @param random the source of randomness
     * @return the entries
     */
    public static List<RecipientEntry> personalMessage(int target, Random random) {
        List<RecipientEntry> list = new ArrayList<>();
        DeviceOutcome[] voiceOutcomes = {DeviceOutcome.call(5), DeviceOutcome.call(6), DeviceOutcome.call(3),
            DeviceOutcome.call(17), DeviceOutcome.of(DeviceStatus.PENDING)};
        DeviceOutcome[] textOutcomes = {DeviceOutcome.call(-28), DeviceOutcome.call(-30),
            DeviceOutcome.of(DeviceStatus.OPTED_OUT), DeviceOutcome.of(DeviceStatus.SENT)};
        DeviceOutcome[] emailOutcomes = {DeviceOutcome.of(DeviceStatus.SENT), DeviceOutcome.of(DeviceStatus.FAILED),
            DeviceOutcome.of(DeviceStatus.IN_PROGRESS)};
        int count = 0;
        for (int p = 0; count < target; p++) {
            // two to four persons share each address: a person's addresses are those of a group of persons
            int group = p / (2 + (p % 3));
            long number = 4_000_000_000L + group * 17L;
            String digits = String.valueOf(number);
            String email = "contact" + group + "@NoMail.com";
            List<Device> devices = new ArrayList<>(3);
            String spelled = switch (random.nextInt(3)) {
                case 0 -> "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
                case 1 -> digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
                default -> "+1 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
            };
            devices.add(new Device(Channel.VOICE, spelled, voiceOutcomes[random.nextInt(voiceOutcomes.length)],
                    false, null));
            String cased = switch (random.nextInt(3)) {
                case 0 -> email.toUpperCase(Locale.ROOT);
                case 1 -> "  " + email.toLowerCase(Locale.ROOT) + " ";
                default -> email;
            };
            devices.add(new Device(Channel.EMAIL, cased, emailOutcomes[random.nextInt(emailOutcomes.length)], false,
                    null));
            if (random.nextBoolean()) {
                devices.add(new Device(Channel.TEXT, random.nextBoolean() ? digits : "1-" + digits,
                        textOutcomes[random.nextInt(textOutcomes.length)], false, null));
            }
            list.add(RecipientEntry.of(Person.of("p-" + p, "Person" + p + ", Family" + group), null, devices));
            count += devices.size();
        }
        return list;
    }

    /** The library's totals. */
    @Benchmark
    public DeliveryTotals analysis() {
        return DeliveryAnalysis.of(entries, MODES, K).totals();
    }

    /** The straightforward way, for the ratio. */
    @Benchmark
    public DeliveryTotals straightforward() {
        return straightforward(entries, MODES, K);
    }

    /**
     * Totals the plain way: a normalised string per device, hash maps of strings.
     *
     * @param entries    the entries
     * @param modes      the delivery modes
     * @param classifier the classification
     * @return the totals
     */
    static DeliveryTotals straightforward(List<RecipientEntry> entries, Set<Channel> modes, OutcomeClassifier classifier) {
        Set<String> persons = new HashSet<>();
        Set<String> withDevice = new HashSet<>();
        Map<String, Integer> flags = new HashMap<>();
        List<String[]> phoneOccurrences = new ArrayList<>();
        for (RecipientEntry entry : entries) {
            String person = entry.person().id();
            persons.add(person);
            for (Device d : entry.devices()) {
                if (!modes.contains(d.channel())) {
                    continue;
                }
                String normalised = Addresses.normalise(d.channel(), d.address());
                if (normalised.isEmpty()) {
                    continue;
                }
                withDevice.add(person);
                String key = d.channel().name() + ":" + normalised;
                OutcomeClass cls = classifier.classify(d.channel(), d.outcome(), d.confirmed());
                // opting out is read per occurrence (D3): 8 marks an occurrence attempted and not opted out
                int bits = (cls.attempted() ? 1 : 0) | (cls == OutcomeClass.SUCCESS ? 2 : 0)
                        | (cls.attempted() && cls != OutcomeClass.OPTED_OUT ? 8 : 0);
                flags.merge(key, bits, (a, b) -> a | b);
                if (d.channel().isPhone()) {
                    phoneOccurrences.add(new String[] {person, key});
                }
            }
        }
        int[] n = new int[8];
        for (Map.Entry<String, Integer> e : flags.entrySet()) {
            int f = e.getValue();
            switch (Channel.valueOf(e.getKey().substring(0, e.getKey().indexOf(':')))) {
                case INBOX: n[0] += (f & 2) != 0 ? 1 : 0; break;
                case EMAIL: n[1]++; n[2] += f & 1; break;
                case VOICE: n[3]++; n[4] += f & 1; break;
                default: n[5]++; n[6] += (f & 8) != 0 ? 1 : 0; break;
            }
        }
        Set<String> contacted = new HashSet<>();
        for (String[] o : phoneOccurrences) {
            if ((flags.get(o[1]) & 2) != 0) {
                contacted.add(o[0]);
            }
        }
        return new DeliveryTotals(persons.size(), persons.size() - withDevice.size(), n[0], n[1], n[2], n[3], n[4],
                n[5], n[6], contacted.size(), persons.size() - contacted.size());
    }
}
