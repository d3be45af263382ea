package dev.gatehouse.session;

import org.jspecify.annotations.Nullable;

/**
 * Where a sign-in came from, shown to the user in their session list.
 *
 * @param userAgent the {@code User-Agent} request header
 * @param address the client's IP address as the server sees it
 */
public record ClientInfo(@Nullable String userAgent, @Nullable String address) {
}
