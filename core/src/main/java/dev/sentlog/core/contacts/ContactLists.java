package dev.sentlog.core.contacts;

import dev.sentlog.core.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The contacts to fix and, apart, the "do not contact" addresses (SPEC H3), each sorted by channel
 * and address.
 *
 * @param k            the number of permanent failures in a row that lists an address
 * @param toFix        the contacts to fix
 * @param doNotContact the addresses not to contact
 */
public record ContactLists(int k, List<ContactToFix> toFix, List<DoNotContact> doNotContact) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException     when a list or element is null
     * @throws IllegalArgumentException when k is below 1
     */
    public ContactLists {
        Checks.requireArgument(k >= 1, "K must be at least 1, was %d", k);
        toFix = Checks.copyWithoutNulls(toFix, "toFix");
        doNotContact = Checks.copyWithoutNulls(doNotContact, "doNotContact");
    }

    /**
     * Builds the lists from ledger histories, as a caller limited to some schools sees them (T3): an
     * address appears when one of its evidence lines is from one of those schools, and shows only
     * the evidence, persons and schools of those schools.
     *
     * @param failing      histories whose streak may reach k (others are skipped)
     * @param doNotContact histories marked "do not contact" (others are skipped)
     * @param k            permanent failures in a row that list an address, at least 1
     * @param schools      the caller's schools; empty for the whole district
     * @return the lists
     */
    public static ContactLists of(List<AddressHistory> failing, List<AddressHistory> doNotContact, int k,
                                  Set<String> schools) {
        Checks.requireArgument(k >= 1, "K must be at least 1, was %d", k);
        Checks.requireNonNull(schools, "schools");
        List<ContactToFix> toFix = new ArrayList<>();
        for (AddressHistory h : Checks.copyWithoutNulls(failing, "failing")) {
            AddressStanding s = h.standing();
            if (!s.toFix(k)) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            for (AddressStanding.Attempt a : s.attempts().subList(0, s.streak())) {
                if (inScope(a.outcome().school(), schools)) {
                    evidence.add(Evidence.of(a.outcome()));
                }
            }
            if (!evidence.isEmpty()) {
                toFix.add(new ContactToFix(h.channel(), h.address(), evidence, s.failingSince().orElseThrow(),
                        persons(h, schools), schoolsOf(h, schools)));
            }
        }
        List<DoNotContact> dnc = new ArrayList<>();
        for (AddressHistory h : Checks.copyWithoutNulls(doNotContact, "doNotContact")) {
            List<Evidence> evidence = new ArrayList<>();
            for (ContactFact f : h.facts()) {
                if (f.kind().isDoNotContact() && inScope(f.school(), schools)) {
                    evidence.add(Evidence.of(f));
                }
            }
            if (!evidence.isEmpty()) {
                dnc.add(new DoNotContact(h.channel(), h.address(), evidence, persons(h, schools),
                        schoolsOf(h, schools)));
            }
        }
        toFix.sort(Comparator.comparing(ContactToFix::channel).thenComparing(ContactToFix::address));
        dnc.sort(Comparator.comparing(DoNotContact::channel).thenComparing(DoNotContact::address));
        return new ContactLists(k, toFix, dnc);
    }

    private static boolean inScope(String school, Set<String> schools) {
        return schools.isEmpty() || schools.contains(school);
    }

    private static List<String> persons(AddressHistory h, Set<String> schools) {
        return distinct(h, schools, ContactFact::personId);
    }

    private static List<String> schoolsOf(AddressHistory h, Set<String> schools) {
        return distinct(h, schools, ContactFact::school);
    }

    /** A field of the history's facts in the caller's schools, distinct and sorted. */
    private static List<String> distinct(AddressHistory h, Set<String> schools, Function<ContactFact, String> field) {
        // sorted and without repeats, as a TreeSet would give, from one small array per history
        List<ContactFact> facts = h.facts();
        String[] values = new String[facts.size()];
        int n = 0;
        for (ContactFact f : facts) {
            if (inScope(f.school(), schools)) {
                values[n++] = field.apply(f);
            }
        }
        Arrays.sort(values, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || !values[i].equals(values[distinct - 1])) {
                values[distinct++] = values[i];
            }
        }
        return List.of(Arrays.copyOf(values, distinct));
    }
}
