package dev.gatehouse.starter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@link GatehouseUser} handler-method parameter to the user of the verified access token.
 * With {@code required = false} the parameter is {@code null} when the request carries no token, which
 * can only happen on a {@link Public} endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CurrentUser {

    /** Whether a request without a user fails with 401 {@code unauthenticated} instead of binding {@code null}. */
    boolean required() default true;
}
