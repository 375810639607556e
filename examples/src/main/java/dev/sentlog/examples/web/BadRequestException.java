package dev.sentlog.examples.web;

import dev.sentlog.core.SentlogException;

/** A request the page cannot answer because a parameter is wrong; answered 400 with the message. */
final class BadRequestException extends SentlogException {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
