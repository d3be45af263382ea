package dev.gatehouse.starter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires the user to have at least one of the named roles (the token's {@code roles} claim). On a
 * class it applies to every handler method; a method's own annotations add further requirements.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {

    /** Role names, such as {@code "admin"}; any one of them is enough. Must not be empty. */
    String[] value();
}
