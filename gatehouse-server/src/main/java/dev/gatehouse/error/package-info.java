/** The one error model: exceptions with stable codes, rendered as RFC 9457 problem+json. */
@NullMarked
package dev.gatehouse.error;

import org.jspecify.annotations.NullMarked;
