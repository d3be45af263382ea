package dev.gatehouse.client;

import org.jspecify.annotations.Nullable;

/**
 * A client with its new secret, returned once at registration or secret rotation.
 *
 * @param secret the clear-text secret of a confidential client, null for a public client; never logged
 */
public record RegisteredClient(OAuthClient client, @Nullable String secret) {

    @Override
    public String toString() {
        return "RegisteredClient[client=" + client + ", secret=" + (secret == null ? "none" : "[redacted]") + "]";
    }
}
