package dev.gatehouse.client;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.gatehouse.error.ErrorCodes;
import dev.gatehouse.error.InvalidRequestException;
import dev.gatehouse.error.NotFoundException;

/** Registers OAuth clients, rotates their secrets and authenticates them. */
@Service
public class ClientService {

    static final String CLIENT_NOT_FOUND = "client_not_found";
    /** Maximum client name length, the width of the {@code name} column. */
    static final int MAX_NAME_LENGTH = 200;
    /** Hash compared when the client is unknown, so an unknown client id costs as much as a wrong secret. */
    private static final String UNKNOWN_CLIENT_HASH = ClientSecret.hash("no client has this secret");
    private static final Logger log = LoggerFactory.getLogger(ClientService.class);

    private final ClientRepository repository;
    private final Clock clock;

    ClientService(ClientRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Registers a client with a generated id. A confidential client also gets a generated secret, which
     * is returned here once and stored only as a hash.
     *
     * @throws InvalidRequestException {@code invalid_request} for a blank or too long name or an unknown type
     */
    public RegisteredClient register(@Nullable String name, @Nullable String type) {
        String validName = requireValidName(name);
        ClientType validType = requireValidType(type);
        OAuthClient client = new OAuthClient(ClientSecret.newClientId(), validName, validType,
                clock.instant().truncatedTo(ChronoUnit.MICROS));

        String secret = validType == ClientType.CONFIDENTIAL ? ClientSecret.newSecret() : null;
        repository.insert(client, secret == null ? null : ClientSecret.hash(secret));
        log.info("Registered {} client {}", validType.value(), client.clientId());
        return new RegisteredClient(client, secret);
    }

    /** Lists every client, oldest first. */
    public List<OAuthClient> list() {
        return repository.findAll();
    }

    /**
     * Deletes a client, so it can no longer authenticate or refresh the sessions it started.
     *
     * @throws NotFoundException {@code client_not_found}
     */
    public void delete(String clientId) {
        if (!repository.delete(clientId)) {
            throw notFound(clientId);
        }
        log.info("Deleted client {}", clientId);
    }

    /**
     * Replaces the secret of a confidential client; the old secret stops working at once.
     *
     * @throws NotFoundException {@code client_not_found}
     * @throws InvalidRequestException {@code invalid_request} for a public client, which has no secret
     */
    public RegisteredClient rotateSecret(String clientId) {
        OAuthClient client = repository.findById(clientId).map(ClientRepository.StoredClient::client)
                .orElseThrow(() -> notFound(clientId));
        if (!client.isConfidential()) {
            throw new InvalidRequestException(ErrorCodes.INVALID_REQUEST,
                    "Client " + clientId + " is a public client, which has no secret.");
        }

        String secret = ClientSecret.newSecret();
        if (!repository.updateSecretHash(clientId, ClientSecret.hash(secret))) {
            throw notFound(clientId);
        }
        log.info("Rotated the secret of client {}", clientId);
        return new RegisteredClient(client, secret);
    }

    /**
     * Authenticates a client (RFC 6749, section 2.3). With a secret, the client must be confidential and
     * the secret must match its stored hash, compared in constant time. Without one, the client must be
     * public. Returns empty otherwise, including for an unknown client id.
     */
    public Optional<OAuthClient> authenticate(String clientId, @Nullable String secret) {
        Optional<ClientRepository.StoredClient> stored = repository.findById(clientId);
        if (secret == null) {
            return stored.map(ClientRepository.StoredClient::client).filter(client -> !client.isConfidential());
        }

        String storedHash = stored.map(ClientRepository.StoredClient::secretHash).orElse(null);
        boolean matches = ClientSecret.matches(secret, storedHash == null ? UNKNOWN_CLIENT_HASH : storedHash);
        if (!matches || storedHash == null) {
            log.debug("Rejected the secret presented for client {}", clientId);
            return Optional.empty();
        }
        return stored.map(ClientRepository.StoredClient::client);
    }

    private static String requireValidName(@Nullable String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(ErrorCodes.INVALID_REQUEST, "The client name must have 1 to "
                    + MAX_NAME_LENGTH + " characters and no control characters.");
        }
        return name.strip();
    }

    private static ClientType requireValidType(@Nullable String type) {
        return Optional.ofNullable(type).flatMap(ClientType::parse).orElseThrow(() -> new InvalidRequestException(
                ErrorCodes.INVALID_REQUEST, "The client type must be \"confidential\" or \"public\"."));
    }

    private static NotFoundException notFound(String clientId) {
        return new NotFoundException(CLIENT_NOT_FOUND, "No client " + clientId + " is registered.");
    }
}
