package dev.gatehouse.error;

import org.springframework.http.HttpStatus;

/** A request that is well-formed JSON but whose content breaks a rule, such as a too short password. */
public class InvalidRequestException extends GatehouseException {

    public InvalidRequestException(String code, String message) {
        super(HttpStatus.BAD_REQUEST, code, message);
    }
}
