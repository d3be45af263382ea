package dev.gatehouse.client;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code oauth_clients} table. */
@Repository
class ClientRepository {

    private static final String COLUMNS = "client_id, name, type, secret_hash, created_at";

    private final JdbcClient jdbc;

    ClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OAuthClient client, @Nullable String secretHash) {
        jdbc.sql("""
                        insert into oauth_clients (client_id, name, type, secret_hash, created_at)
                        values (:clientId, :name, :type, :secretHash, :createdAt)
                        """)
                .param("clientId", client.clientId())
                .param("name", client.name())
                .param("type", client.type().value())
                .param("secretHash", secretHash)
                .param("createdAt", OffsetDateTime.ofInstant(client.createdAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<StoredClient> findById(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from oauth_clients where client_id = :clientId")
                .param("clientId", clientId)
                .query(ClientRepository::storedClient)
                .optional();
    }

    List<OAuthClient> findAll() {
        return jdbc.sql("select " + COLUMNS + " from oauth_clients order by created_at, client_id")
                .query(ClientRepository::storedClient)
                .list()
                .stream()
                .map(StoredClient::client)
                .toList();
    }

    /** Returns false when no such client exists. */
    boolean delete(String clientId) {
        return jdbc.sql("delete from oauth_clients where client_id = :clientId")
                .param("clientId", clientId)
                .update() == 1;
    }

    /** Replaces the secret hash of a confidential client; returns false when no such client exists. */
    boolean updateSecretHash(String clientId, String secretHash) {
        return jdbc.sql("update oauth_clients set secret_hash = :secretHash where client_id = :clientId and type = :type")
                .param("secretHash", secretHash)
                .param("clientId", clientId)
                .param("type", ClientType.CONFIDENTIAL.value())
                .update() == 1;
    }

    private static StoredClient storedClient(ResultSet row, int rowNumber) throws SQLException {
        String typeValue = row.getString("type");
        ClientType type = ClientType.parse(typeValue)
                .orElseThrow(() -> new IllegalStateException("Unknown client type in oauth_clients: " + typeValue));
        OAuthClient client = new OAuthClient(row.getString("client_id"), row.getString("name"), type,
                row.getObject("created_at", OffsetDateTime.class).toInstant());
        return new StoredClient(client, row.getString("secret_hash"));
    }

    /** A client with the hash of its secret, which never leaves this package. */
    record StoredClient(OAuthClient client, @Nullable String secretHash) {

        @Override
        public String toString() {
            return "StoredClient[client=" + client + ", secretHash=[redacted]]";
        }
    }
}
