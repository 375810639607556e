package dev.sentlog.core.address;

import dev.sentlog.core.internal.Checks;
import dev.sentlog.spi.Channel;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Address normalisation (SPEC D1): two addresses on one channel are the same device address when
 * their normalised forms are equal. Pure and thread-safe.
 *
 * <ul>
 *   <li>Email: surrounding white space removed ({@link String#strip()}), then lower-cased as a whole
 *       with {@link Locale#ROOT}.</li>
 *   <li>Phone (Voice, Text): the digits of the main number, without a leading country code 1 on an
 *       11-digit number, followed by {@code x} and the extension's digits when there is one. The
 *       extension starts at the first letter ({@code x12}, {@code ext. 12}, {@code extension 12}).
 *       {@code (555) 123-4567}, {@code 555.123.4567}, {@code +1 555 123 4567} and
 *       {@code 15551234567} all normalise to {@code 5551234567}.</li>
 *   <li>Inbox: the portal account id, stripped of surrounding white space; case matters.</li>
 * </ul>
 *
 * <p>A blank result means "no device": a blank address, or a phone number without a digit in its
 * main number.
 */
public final class Addresses {

    /** Something shaped like an email address inside free text. */
    private static final Pattern EMAIL_IN_TEXT = Pattern.compile(
            "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*");
    /**
     * Something shaped like a phone number inside free text: seven or more digits, possibly with a
     * leading {@code +}, separated by spaces, dots, dashes or parentheses.
     */
    private static final Pattern PHONE_IN_TEXT = Pattern.compile(
            "\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){6,}");

    private Addresses() {
    }

    /**
     * Normalises an address for its channel.
     *
     * @param channel the channel
     * @param address the address as given
     * @return the normalised address; blank when the address is no device
     */
    public static String normalise(Channel channel, String address) {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(address, "address");
        switch (channel) {
            case EMAIL:
                return email(address);
            case VOICE:
            case TEXT:
                return phone(address);
            case INBOX:
            default:
                return address.strip();
        }
    }

    /**
     * Normalises an email address: stripped and lower-cased as a whole (Locale.ROOT).
     *
     * @param address the address
     * @return the normalised form
     */
    public static String email(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Normalises a phone number to its main digits (an 11-digit number's leading 1 dropped), plus
     * {@code x} and the extension digits when there are any.
     *
     * @param address the number as given
     * @return the normalised form, blank when the main number has no digit
     */
    public static String phone(String address) {
        if (isMainDigitsOnly(address)) {
            return address; // already in normal form: nothing to copy
        }
        StringBuilder main = new StringBuilder(16);
        StringBuilder ext = new StringBuilder(8);
        boolean inExtension = false;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                (inExtension ? ext : main).append(c);
            } else if (isAsciiLetter(c)) {
                inExtension = true;
            }
        }
        if (main.length() == 0) {
            return "";
        }
        if (main.length() == 11 && main.charAt(0) == '1') {
            main.deleteCharAt(0);
        }
        if (ext.length() > 0) {
            main.append('x').append(ext);
        }
        return main.toString();
    }

    /** Whether a number is digits only and keeps them all: not empty, and no 11 digits with a leading 1. */
    private static boolean isMainDigitsOnly(String address) {
        int length = address.length();
        if (length == 0 || (length == 11 && address.charAt(0) == '1')) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = address.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a character is an ASCII letter: the start of a phone extension.
     *
     * @param c the character
     * @return true for a-z and A-Z
     */
    public static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Masks an address for logs: never log a full email address or phone number. Email keeps its
     * first character and the domain ({@code h***@nomail.com}); a phone keeps its last two digits
     * ({@code ***-**67}); an inbox id keeps its first character.
     *
     * @param channel the channel
     * @param address the address as given
     * @return the masked form
     */
    public static String mask(Channel channel, String address) {
        if (address == null || address.isBlank()) {
            return "(blank)";
        }
        String a = address.strip();
        switch (channel) {
            case EMAIL: {
                int at = a.lastIndexOf('@');
                return at <= 0 ? a.charAt(0) + "***" : a.charAt(0) + "***" + a.substring(at);
            }
            case VOICE:
            case TEXT: {
                String digits = phone(a);
                return digits.length() < 2 ? "***" : "***-**" + digits.substring(digits.length() - 2);
            }
            case INBOX:
            default:
                return a.charAt(0) + "***";
        }
    }

    /**
     * Masks, inside free text a provider supplied (a device id, an exception message, a reason),
     * everything that looks like an email address or a phone number, the way {@link #mask} masks
     * an address; the rest of the text is kept. Use it before such text is logged or put into an
     * exception message.
     *
     * @param text the text, or null
     * @return the text with every email-like and phone-like part masked; {@code "(null)"} for null
     */
    public static String maskInText(String text) {
        if (text == null) {
            return "(null)";
        }
        String emailsMasked = replaceAll(EMAIL_IN_TEXT.matcher(text), Channel.EMAIL);
        return replaceAll(PHONE_IN_TEXT.matcher(emailsMasked), Channel.VOICE);
    }

    private static String replaceAll(Matcher m, Channel channel) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(channel, m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
