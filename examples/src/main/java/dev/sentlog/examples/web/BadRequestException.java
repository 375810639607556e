package dev.sentlog.examples.web;

/** A request the page cannot answer because a parameter is wrong; answered 400 with the message. */
final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
