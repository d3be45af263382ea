/** The servlet side: the bearer-token filter, the annotation checks and {@code @CurrentUser} binding. */
@NullMarked
package dev.gatehouse.starter.web;

import org.jspecify.annotations.NullMarked;
