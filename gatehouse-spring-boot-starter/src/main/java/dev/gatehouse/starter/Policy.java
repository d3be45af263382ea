package dev.gatehouse.starter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires every named {@link GatehousePolicy} to permit the request. Each policy class must be exactly
 * one bean of the application context; a missing or ambiguous bean fails the application start. On a
 * class it applies to every handler method; a method's own annotations add further requirements.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Policy {

    /** Policy bean types, all of which must permit the request. Must not be empty. */
    Class<? extends GatehousePolicy>[] value();
}
