package dev.gatehouse.keys;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keys that Gatehouse generates once and keeps across restarts and instances. The material is stored
 * only encrypted; callers get it back decrypted and must keep it out of logs and responses.
 */
@Service
public class StoredKeys {

    private static final Logger log = LoggerFactory.getLogger(StoredKeys.class);

    private final JdbcClient jdbc;
    private final KeyEncryption encryption;
    private final Clock clock;

    StoredKeys(JdbcClient jdbc, KeyEncryption encryption, Clock clock) {
        this.jdbc = jdbc;
        this.encryption = encryption;
        this.clock = clock;
    }

    /**
     * Returns the stored key for a purpose and algorithm, generating and storing it on first use.
     * When two instances start at once, the unique constraint keeps the first key and both use it.
     */
    public StoredKey loadOrCreate(String purpose, String algorithm, Supplier<StoredKey> generator) {
        Optional<StoredKey> existing = find(purpose, algorithm);
        if (existing.isPresent()) {
            return existing.get();
        }

        StoredKey generated = generator.get();
        try {
            insert(purpose, algorithm, generated);
            log.info("Generated and stored a new {} key, algorithm {}, kid {}", purpose, algorithm, generated.keyId());
            return generated;
        } catch (DuplicateKeyException raced) {
            return find(purpose, algorithm).orElseThrow(() -> raced);
        }
    }

    private Optional<StoredKey> find(String purpose, String algorithm) {
        return jdbc.sql("select key_id, sealed_key from secret_keys where purpose = ? and algorithm = ?")
                .params(purpose, algorithm)
                .query((row, number) -> new StoredKey(row.getString("key_id"), encryption.unseal(row.getString("sealed_key"))))
                .optional();
    }

    private void insert(String purpose, String algorithm, StoredKey key) {
        jdbc.sql("insert into secret_keys (key_id, purpose, algorithm, sealed_key, created_at) values (?, ?, ?, ?, ?)")
                .params(key.keyId(), purpose, algorithm, encryption.seal(key.material()),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    /**
     * A key and its identifier.
     *
     * @param keyId public identifier, safe to log
     * @param material the secret key material, never logged
     */
    public record StoredKey(String keyId, String material) {

        @Override
        public String toString() {
            return "StoredKey[keyId=" + keyId + ", material=[redacted]]";
        }
    }
}
