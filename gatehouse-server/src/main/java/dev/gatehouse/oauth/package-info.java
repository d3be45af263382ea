/**
 * The standard OAuth 2.0 and OpenID Connect endpoints: discovery metadata (RFC 8414), the token
 * endpoint (RFC 6749), revocation (RFC 7009) and introspection (RFC 7662).
 */
@NullMarked
package dev.gatehouse.oauth;

import org.jspecify.annotations.NullMarked;
