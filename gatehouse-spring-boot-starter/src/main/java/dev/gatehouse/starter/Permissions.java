package dev.gatehouse.starter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires permissions from the token's {@code permissions} claim: all of {@link #value()} and, when
 * {@link #anyOf()} is set, at least one of those. At least one of the two must name a permission. On a
 * class it applies to every handler method; a method's own annotations add further requirements.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Permissions {

    /** Permissions the user must all have, such as {@code "orders:read"}. */
    String[] value() default {};

    /** Permissions of which the user must have at least one. */
    String[] anyOf() default {};
}
