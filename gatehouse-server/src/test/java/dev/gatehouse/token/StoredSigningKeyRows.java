package dev.gatehouse.token;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.gatehouse.support.TestStores;

/** Reads the stored access-token signing keys of one schema straight from PostgreSQL. */
final class StoredSigningKeyRows {

    private StoredSigningKeyRows() {
    }

    /** Returns the {@code secret_keys} rows of the access-token signing key for {@code algorithm}, such as ES256. */
    static List<StoredRow> read(String schema, String algorithm) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(StandaloneGatehouse.postgresUrl(schema),
                TestStores.POSTGRES_USER, TestStores.POSTGRES_PASSWORD);
                PreparedStatement statement = connection.prepareStatement(
                        "select key_id, sealed_key from secret_keys where purpose = ? and algorithm = ?")) {
            statement.setString(1, SigningKeys.PURPOSE);
            statement.setString(2, algorithm);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new StoredRow(result.getString("key_id"), result.getString("sealed_key")));
                }
            }
        }
        return rows;
    }

    /** One row of {@code secret_keys}. The sealed key is ciphertext, but is still kept out of messages. */
    record StoredRow(String keyId, String sealedKey) {

        @Override
        public String toString() {
            return "StoredRow[keyId=" + keyId + ", sealedKey=[redacted]]";
        }
    }
}
