package dev.gatehouse.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the {@code users} table. */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, email, password_hash, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the account.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the email is taken
     */
    void insert(Account account, String passwordHash) {
        jdbc.sql("""
                        insert into users (id, email, password_hash, created_at)
                        values (:id, :email, :passwordHash, :createdAt)
                        """)
                .param("id", account.id())
                .param("email", account.email())
                .param("passwordHash", passwordHash)
                .param("createdAt", OffsetDateTime.ofInstant(account.createdAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<StoredAccount> findByEmail(String normalisedEmail) {
        return jdbc.sql("select " + COLUMNS + " from users where email = :email")
                .param("email", normalisedEmail)
                .query(AccountRepository::storedAccount)
                .optional();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id)
                .query((row, rowNumber) -> account(row))
                .optional();
    }

    boolean existsByEmail(String normalisedEmail) {
        return jdbc.sql("select count(*) from users where email = :email")
                .param("email", normalisedEmail)
                .query(Long.class)
                .single() > 0;
    }

    /** Returns one page of accounts, oldest first, with the id breaking ties so that pages never overlap. */
    List<Account> findPage(int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from users order by created_at, id limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query((row, rowNumber) -> account(row))
                .list();
    }

    void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = :passwordHash where id = :id")
                .param("id", id)
                .param("passwordHash", passwordHash)
                .update();
    }

    private static StoredAccount storedAccount(ResultSet row, int rowNumber) throws SQLException {
        return new StoredAccount(account(row), row.getString("password_hash"));
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(row.getObject("id", UUID.class), row.getString("email"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** An account together with its password hash, which never leaves the account package. */
    record StoredAccount(Account account, String passwordHash) {

        @Override
        public String toString() {
            return "StoredAccount[account=" + account + ", passwordHash=[redacted]]";
        }
    }
}
