package dev.minstrel.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL server named by {@code minstrel.database.url}, written as the libpq URI users know
 * from {@code psql}: {@code postgresql://user[:password]@host[:port]/database}. The driver URLs
 * are derived from it with the credentials kept apart, so neither URL ever carries the password,
 * and {@link #toString()} names the server without it.
 *
 * @param password empty when the server trusts the user (no password in the URL)
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

    public static final String SETTING = "minstrel.database.url";
    static final int DEFAULT_PORT = 5432;

    /** A value of {@value #SETTING} that cannot name a PostgreSQL database; the message never quotes the URL. */
    public static final class InvalidDatabaseUrlException extends IllegalArgumentException {
        InvalidDatabaseUrlException(String reason) {
            super(SETTING + ": " + reason
                    + " (expected postgresql://user[:password]@host[:port]/database; unset, the embedded database is used)");
        }
    }

    public static DatabaseUrl parse(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            // the reason alone: URISyntaxException's message repeats the whole URL, password included
            throw new InvalidDatabaseUrlException("not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgresql") || scheme.equals("postgres"))) {
            throw new InvalidDatabaseUrlException("must start with postgresql://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidDatabaseUrlException("names no host (write @ : / # ? % in a password as %40 %3A %2F %23 %3F %25)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.replaceFirst("^/", ""));
        if (database.isBlank() || database.contains("/")) {
            throw new InvalidDatabaseUrlException("names no database after the host (…@" + uri.getHost() + "/database)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidDatabaseUrlException("takes no options after the database name");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isBlank() || userInfo.startsWith(":")) {
            throw new InvalidDatabaseUrlException("names no user (postgresql://user@" + uri.getHost() + "/...)");
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, user, password);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidDatabaseUrlException("has a malformed % escape");
        }
    }

    /** For R2DBC, which takes the user and password as separate properties. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + hostAndPort() + "/" + encodedDatabase();
    }

    /** For Flyway's JDBC connection, which takes the user and password as separate properties. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + encodedDatabase();
    }

    /** Host and port, the way error messages name the server. */
    public String hostAndPort() {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    private String encodedDatabase() {
        return URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The server and database, for messages; never the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + hostAndPort() + "/" + database;
    }
}
