package dev.gatehouse.authentication;

import org.springframework.http.HttpStatus;

import dev.gatehouse.error.GatehouseException;

/** Unknown email or wrong password: one response for both, so it does not tell which accounts exist. */
public class InvalidCredentialsException extends GatehouseException {

    static final String CODE = "invalid_credentials";

    InvalidCredentialsException() {
        super(HttpStatus.UNAUTHORIZED, CODE, "The email or password is incorrect.");
    }
}
