package dev.minstrel.server.config;

import dev.minstrel.server.config.DatabaseUrl.InvalidDatabaseUrlException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

import java.sql.SQLException;
import java.util.Set;

/**
 * A {@code minstrel.database.url} that names no PostgreSQL database, or a server that cannot be
 * reached, refuses the user or lacks the database, is named in one line (by
 * {@link OneLineFailureReporter}) with the setting and the host, never the password, rather than
 * Flyway's stack trace. Other database errors (a failed migration, say) are left to Boot.
 */
class DatabaseUnreachableAnalyzer implements FailureAnalyzer {

    /**
     * SQLSTATE classes of a connection that could not be made: 08 connection exception, 28
     * invalid authorization, 3D invalid catalog name (no such database).
     */
    private static final Set<String> CONNECTION_STATES = Set.of("08", "28", "3D");

    private final Environment environment;

    /** @param environment null when the start failed before the context existed */
    DatabaseUnreachableAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidDatabaseUrlException invalid) {
                return new FailureAnalysis(invalid.getMessage() + ".", null, invalid);
            }
        }
        DatabaseUrl server = configured();
        if (server == null) {
            return null;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && CONNECTION_STATES.contains(sql.getSQLState().substring(0, 2))) {
                return new FailureAnalysis("the database " + server + " (" + DatabaseUrl.SETTING + ") cannot be used: "
                        + hidden(reason(sql), server.password()),
                        "Check that PostgreSQL runs there, accepts this user and has this database, "
                                + "or unset MINSTREL_DATABASE_URL to use the embedded database.", sql);
            }
        }
        return null;
    }

    private DatabaseUrl configured() {
        String url = environment == null ? null : environment.getProperty(DatabaseUrl.SETTING);
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return DatabaseUrl.parse(url);
        } catch (InvalidDatabaseUrlException e) {
            return null;
        }
    }

    /** The driver's message, plus its cause's when the message alone says nothing (an unknown host). */
    private static String reason(SQLException sql) {
        String message = sql.getMessage() == null ? sql.getClass().getSimpleName() : sql.getMessage().strip();
        Throwable root = sql;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root != sql && root.getMessage() != null && !message.contains(root.getMessage())) {
            message = message + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return message.endsWith(".") || message.endsWith(")") ? message : message + ".";
    }

    /** PostgreSQL's driver names users and hosts, not passwords; this keeps it so whatever it says. */
    private static String hidden(String text, String password) {
        return password.isEmpty() ? text : text.replace(password, "****");
    }
}
