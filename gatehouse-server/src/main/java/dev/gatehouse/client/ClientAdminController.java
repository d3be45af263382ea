package dev.gatehouse.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of OAuth clients. Listing needs permission {@code clients:read}, every change
 * {@code clients:write}. Responses that carry a new secret are never cached.
 */
@RestController
@RequestMapping("/admin/clients")
class ClientAdminController {

    private static final Logger log = LoggerFactory.getLogger(ClientAdminController.class);

    private final ClientService clients;

    ClientAdminController(ClientService clients) {
        this.clients = clients;
    }

    /** Registers a client: 201 with its id and, for a confidential client, its secret, shown only this once. */
    @PostMapping
    ResponseEntity<ClientResponse> register(@RequestBody RegisterClientRequest request, @AuthenticationPrincipal Jwt jwt) {
        RegisteredClient registered = clients.register(request.name(), request.type());

        log.info("Admin {} registered client {}", jwt.getSubject(), registered.client().clientId());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(ClientResponse.of(registered.client(), registered.secret()));
    }

    @GetMapping
    ClientList list() {
        return new ClientList(clients.list().stream().map(client -> ClientResponse.of(client, null)).toList());
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> delete(@PathVariable String clientId, @AuthenticationPrincipal Jwt jwt) {
        clients.delete(clientId);

        log.info("Admin {} deleted client {}", jwt.getSubject(), clientId);
        return ResponseEntity.noContent().build();
    }

    /** Replaces the secret of a confidential client: 200 with the new secret; the old one stops working. */
    @PostMapping("/{clientId}/secret")
    ResponseEntity<ClientResponse> rotateSecret(@PathVariable String clientId, @AuthenticationPrincipal Jwt jwt) {
        RegisteredClient rotated = clients.rotateSecret(clientId);

        log.info("Admin {} rotated the secret of client {}", jwt.getSubject(), clientId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(ClientResponse.of(rotated.client(), rotated.secret()));
    }

    /** Body of a registration; {@code type} is {@code confidential} or {@code public}. */
    record RegisterClientRequest(@Nullable String name, @Nullable String type) {
    }

    /**
     * A client as the admin API shows it.
     *
     * @param clientSecret the new secret, only in the response that created it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ClientResponse(String clientId, @Nullable String clientSecret, String name, String type, Instant createdAt) {

        static ClientResponse of(OAuthClient client, @Nullable String secret) {
            return new ClientResponse(client.clientId(), secret, client.name(), client.type().value(), client.createdAt());
        }

        @Override
        public String toString() {
            return "ClientResponse[clientId=" + clientId + ", clientSecret=[redacted], name=" + name + ", type=" + type
                    + ", createdAt=" + createdAt + "]";
        }
    }

    record ClientList(List<ClientResponse> clients) {
    }
}
