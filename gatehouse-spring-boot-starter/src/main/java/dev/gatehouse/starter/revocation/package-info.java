/** The client of the issuer's feed of revoked sessions, and the revoked session ids it keeps. */
@NullMarked
package dev.gatehouse.starter.revocation;

import org.jspecify.annotations.NullMarked;
