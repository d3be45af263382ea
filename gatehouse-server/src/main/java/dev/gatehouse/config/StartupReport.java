package dev.gatehouse.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs where accounts are stored once Gatehouse is ready, and warns loudly about the embedded database. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DataSource dataSource;
    private final GatehouseProperties properties;

    StartupReport(DataSource dataSource, GatehouseProperties properties) {
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String product = metadata.getDatabaseProductName();
            log.info("Accounts are stored in {} at {}; issuer {}, audience {}", product, withoutQuery(metadata.getURL()),
                    properties.issuer(), properties.audience());
            if (product.toLowerCase(Locale.ROOT).contains("h2")) {
                log.warn("EMBEDDED MODE: accounts are in an H2 file database under {}. This is for trying Gatehouse "
                        + "on one machine only; set SPRING_DATASOURCE_URL to a PostgreSQL database for anything else.",
                        properties.dataDirectory().toAbsolutePath());
            }
        } catch (SQLException exception) {
            log.warn("Could not read the database metadata for the start-up report: {}", exception.getMessage());
        }
    }

    /** Drops URL parameters, where a password may be given. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        int parameters = url.indexOf(';');
        int cut = query >= 0 ? query : parameters;
        return cut >= 0 ? url.substring(0, cut) : url;
    }
}
