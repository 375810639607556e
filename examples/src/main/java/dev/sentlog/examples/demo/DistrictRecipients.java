package dev.sentlog.examples.demo;

import dev.sentlog.core.message.Device;
import dev.sentlog.core.message.Person;
import dev.sentlog.core.message.RecipientEntry;
import dev.sentlog.spi.Channel;
import dev.sentlog.spi.DeviceStatus;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded generator of a district's recipient list, as a Messenger would build it for "all
 * guardians and students": households of one or two guardians and one to four students; each
 * guardian has one entry per student (a guardian with three students has three entries, SPEC
 * section 1), some older students are recipients themselves. Guardians of a household share the
 * home phone (Voice) and sometimes an email; a few people have no device at all. Phone numbers are
 * written in several formats, so the same number is often spelled differently (SPEC D1). Names mix
 * Latin with diacritics, Vietnamese, Cyrillic and Greek (SPEC P8).
 *
 * <p>Every device starts PENDING. The same seed and size give the same list.
 */
public final class DistrictRecipients {

    private static final String[] LAST = {
        "García", "Nguyễn", "Smith", "Иванова", "Παπαδόπουλος", "Johnson", "Müller", "Trần", "O'Brien",
        "Kowalski", "Lefèvre", "Hernández", "Lê", "Петров", "Brown", "Søren", "Αλεξίου", "Okafor", "Dubois",
        "Phạm", "Novák", "Williams", "Schäfer", "Ramírez"
    };
    private static final String[] FIRST = {
        "Heather", "Tad", "Kris", "Ана", "Nikos", "Thảo", "José", "Zoë", "Mária", "Dmitri", "Aoife", "Ελένη",
        "Minh", "François", "Lucía", "Björn", "Chiamaka", "Renée", "Olga", "Đức", "Sam", "Priya"
    };

    private final SplittableRandom random;
    private final String idPrefix;
    /** Where this list's person and household counters start (numbers and emails derive from them). */
    private final int offset;
    private int personCounter;
    private int householdCounter;

    private DistrictRecipients(long seed, String idPrefix) {
        this.random = new SplittableRandom(seed);
        this.idPrefix = idPrefix;
        // another list's numbers and family emails start elsewhere, so that its people share nothing with the families
        this.offset = idPrefix.equals("p-") ? 0 : 4_000_000;
        this.personCounter = offset;
        this.householdCounter = offset;
    }

    /**
     * Generates a recipient list of exactly {@code entries} entries.
     *
     * @param entries the number of recipient-list entries, at least 1
     * @param seed    the seed
     * @return the entries, every device PENDING
     * @throws IllegalArgumentException when entries is below 1
     */
    public static List<RecipientEntry> generate(int entries, long seed) {
        return generate(entries, seed, "p-");
    }

    /**
     * Generates a recipient list of exactly {@code entries} entries whose person ids start with a
     * prefix, so that lists of different people (the staff, the families) never share an id.
     *
     * @param entries  the number of recipient-list entries, at least 1
     * @param seed     the seed
     * @param idPrefix the start of every person id, e.g. {@code p-}
     * @return the entries, every device PENDING
     * @throws IllegalArgumentException when entries is below 1
     */
    public static List<RecipientEntry> generate(int entries, long seed, String idPrefix) {
        if (entries < 1) {
            throw new IllegalArgumentException("a recipient list needs at least one entry, not " + entries);
        }
        DistrictRecipients g = new DistrictRecipients(seed, idPrefix);
        List<RecipientEntry> list = new ArrayList<>(entries);
        while (list.size() < entries) {
            g.household(list, entries);
        }
        return list;
    }

    private void household(List<RecipientEntry> list, int limit) {
        householdCounter++;
        String last = pick(LAST);
        String homePhone = phone(householdCounter);
        String familyEmail = random.nextInt(6) == 0 ? slug(last) + ".family" + householdCounter + "@nomail.com" : null;
        int guardians = random.nextInt(4) == 0 ? 1 : 2;
        int studentCount = 1 + random.nextInt(random.nextInt(5) == 0 ? 4 : 2);
        List<Person> students = new ArrayList<>();
        for (int s = 0; s < studentCount; s++) {
            students.add(person(last, pick(FIRST)));
        }
        for (int g = 0; g < guardians; g++) {
            Person guardian = person(g == 1 && random.nextInt(3) == 0 ? pick(LAST) : last, pick(FIRST));
            List<Device> devices = guardianDevices(guardian, homePhone, familyEmail);
            for (Person student : students) {
                if (list.size() < limit) {
                    list.add(RecipientEntry.of(guardian, student, devices));
                }
            }
        }
        for (Person student : students) {
            if (list.size() < limit && random.nextInt(4) == 0) {
                list.add(RecipientEntry.of(student, student, studentDevices(student)));
            }
        }
    }

    private List<Device> guardianDevices(Person guardian, String homePhone, String familyEmail) {
        List<Device> devices = new ArrayList<>(5);
        if (random.nextInt(25) == 0) {
            return devices; // no device at all
        }
        if (random.nextInt(10) < 7) {
            devices.add(pending(Channel.INBOX, "portal." + guardian.id()));
        }
        if (random.nextInt(10) < 9) {
            String email = familyEmail != null ? familyEmail : slug(guardian.name()) + "." + guardian.id() + "@nomail.com";
            devices.add(pending(Channel.EMAIL, random.nextInt(8) == 0 ? email.toUpperCase(Locale.ROOT) : email));
        }
        if (random.nextInt(10) < 8) {
            devices.add(pending(Channel.VOICE, format(homePhone)));
        }
        if (random.nextInt(10) < 6) {
            String cell = phone(1_000_000 + personCounter);
            devices.add(pending(Channel.VOICE, format(cell)));
            devices.add(pending(Channel.TEXT, format(cell)));
        }
        if (random.nextInt(30) == 0) {
            devices.add(pending(Channel.VOICE, format(homePhone) + " x" + (100 + random.nextInt(900))));
        }
        return devices;
    }

    private List<Device> studentDevices(Person student) {
        List<Device> devices = new ArrayList<>(3);
        devices.add(pending(Channel.INBOX, "portal." + student.id()));
        if (random.nextInt(2) == 0) {
            devices.add(pending(Channel.EMAIL, slug(student.name()) + "." + student.id() + "@students.nomail.com"));
        }
        if (random.nextInt(3) == 0) {
            String cell = phone(3_000_000 + personCounter);
            devices.add(pending(Channel.TEXT, format(cell)));
        }
        return devices;
    }

    private Person person(String last, String first) {
        personCounter++;
        return Person.of(idPrefix + (personCounter - offset), last + ", " + first);
    }

    private static Device pending(Channel channel, String address) {
        return Device.of(channel, address, DeviceStatus.PENDING);
    }

    /** A ten-digit number in the fictional 555 exchange, unique per n. */
    private static String phone(int n) {
        return String.format(Locale.ROOT, "%03d555%04d", 200 + (n / 10_000) % 800, n % 10_000);
    }

    private String format(String d) {
        String a = d.substring(0, 3);
        String b = d.substring(3, 6);
        String c = d.substring(6);
        return switch (random.nextInt(4)) {
            case 0 -> "(" + a + ") " + b + "-" + c;
            case 1 -> a + "-" + b + "-" + c;
            case 2 -> a + "." + b + "." + c;
            default -> "+1 " + a + " " + b + " " + c;
        };
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".");
        ascii = ascii.replaceAll("^\\.+|\\.+$", "");
        return ascii.isEmpty() ? "parent" : ascii;
    }
}
