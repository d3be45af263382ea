package dev.gatehouse.error;

import org.springframework.http.HttpStatus;

/** The request would create something that already exists, such as a second account for one email. */
public class ConflictException extends GatehouseException {

    public ConflictException(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }
}
