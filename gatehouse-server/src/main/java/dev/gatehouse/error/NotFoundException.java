package dev.gatehouse.error;

import org.springframework.http.HttpStatus;

/** A resource named in the request path does not exist. */
public class NotFoundException extends GatehouseException {

    public NotFoundException(String code, String message) {
        super(HttpStatus.NOT_FOUND, code, message);
    }
}
