package dev.gatehouse.starter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opens a controller class or handler method to callers without an access token. A token that is
 * presented anyway must still be valid. Combining {@code @Public} with {@link Roles}, {@link Permissions}
 * or {@link Policy} on the same endpoint (class and method together) fails the application start.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {
}
