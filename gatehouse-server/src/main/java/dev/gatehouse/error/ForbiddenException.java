package dev.gatehouse.error;

import org.springframework.http.HttpStatus;

/** The caller is authenticated but may not perform this particular change. */
public class ForbiddenException extends GatehouseException {

    public ForbiddenException(String code, String message) {
        super(HttpStatus.FORBIDDEN, code, message);
    }
}
