package dev.gatehouse.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Runs the migrations and the grant queries on the embedded H2 database in the mode that the default
 * configuration uses. The integration tests cover PostgreSQL.
 */
class MigrationOnH2Test {

    private JdbcClient jdbc;

    @BeforeEach
    void migrate() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void migrateOnH2ThenAdminSeeded() {
        var permissions = jdbc.sql("select permission from role_permissions where role_name = 'admin'")
                .query(String.class)
                .set();

        assertThat(permissions).containsExactlyInAnyOrderElementsOf(Permissions.ALL_ADMIN);
    }

    @Test
    void insertUserWhenEmailTakenThenDuplicateKey() {
        insertUser(UUID.randomUUID(), "taken@example.test");

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> insertUser(UUID.randomUUID(), "taken@example.test"));
    }

    @Test
    void deleteUserWhenGrantsExistThenGrantsCascade() {
        UUID id = UUID.randomUUID();
        insertUser(id, "cascade@example.test");
        jdbc.sql("insert into user_roles (user_id, role_name) values (?, 'admin')").param(id).update();
        jdbc.sql("insert into user_permissions (user_id, permission) values (?, 'audit:read')").param(id).update();

        jdbc.sql("delete from users where id = ?").param(id).update();

        assertThat(jdbc.sql("select count(*) from user_roles").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from user_permissions").query(Long.class).single()).isZero();
    }

    @Test
    void grantQueriesWhenOnH2ThenRowsRead() {
        UUID id = UUID.randomUUID();
        insertUser(id, "grants@example.test");
        jdbc.sql("insert into user_roles (user_id, role_name) values (?, 'admin')").param(id).update();
        jdbc.sql("insert into user_permissions (user_id, permission) values (?, 'audit:read')").param(id).update();
        AuthorizationRepository repository = new AuthorizationRepository(jdbc);

        Authorities authorities = repository.authoritiesOf(id);

        assertThat(authorities.roles()).containsExactly("admin");
        assertThat(authorities.permissions()).contains("audit:read").containsAll(Permissions.ALL_ADMIN);
        assertThat(repository.rolesOf(List.of(id))).containsEntry(id, Set.of("admin"));
        assertThat(repository.directPermissionsOf(List.of(id))).containsEntry(id, Set.of("audit:read"));
        assertThat(repository.userAuthoritiesOf(id)).hasValueSatisfying(user -> {
            assertThat(user.email()).isEqualTo("grants@example.test");
            assertThat(user.authorities()).isEqualTo(authorities);
        });
    }

    private void insertUser(UUID id, String email) {
        jdbc.sql("insert into users (id, email, password_hash, created_at) values (?, ?, 'not-a-hash', ?)")
                .param(id)
                .param(email)
                .param(OffsetDateTime.now())
                .update();
    }
}
