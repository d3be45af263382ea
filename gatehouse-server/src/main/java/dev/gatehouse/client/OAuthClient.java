package dev.gatehouse.client;

import java.time.Instant;

/** A registered OAuth client as other features see it. It never carries the secret or its hash. */
public record OAuthClient(String clientId, String name, ClientType type, Instant createdAt) {

    public boolean isConfidential() {
        return type == ClientType.CONFIDENTIAL;
    }
}
