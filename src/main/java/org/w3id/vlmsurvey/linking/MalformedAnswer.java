package org.w3id.vlmsurvey.linking;

/** An answer of a web API that is not one the service would send, or that reports an error: the message says what. */
final class MalformedAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedAnswer(String message) {
        super(message, null, false, false);
    }
}
