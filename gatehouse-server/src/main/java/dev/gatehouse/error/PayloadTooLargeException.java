package dev.gatehouse.error;

import java.io.IOException;

/**
 * Raised while reading a request body that grows past {@link RequestSizeLimitFilter#MAX_BODY_BYTES}.
 * It is an {@link IOException} so that it surfaces through the JSON reader, which wraps it.
 */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException() {
        super("Request body exceeds " + RequestSizeLimitFilter.MAX_BODY_BYTES + " bytes");
    }
}
