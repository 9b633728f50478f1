package dev.minstrel.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every route the server answers, read from where the project declares them, so that a test
 * covering "every route" goes on doing so when routes are added: the Subsonic methods from the
 * route table ({@code SubsonicRoutes}, offered and deliberately unavailable), the {@code /api}
 * routes from the server's controllers' mapping annotations.
 */
final class RouteTable {

    /** An {@code /api} route: its HTTP method and path template ({@code /api/users/{username}}). */
    record ApiRoute(String method, String path) {
    }

    private static final Pattern SUBSONIC_METHOD = Pattern.compile(
            "\\.(?:data|media)\\(\\s*(?:PUBLIC|USER|USER_OR_SIGNED)\\s*,\\s*\"([A-Za-z0-9.]+)\"");
    private static final Pattern UNAVAILABLE_METHOD = Pattern.compile("\\.unavailable\\(\\s*\"([A-Za-z0-9.]+)\"");
    private static final Pattern CLASS_MAPPING = Pattern.compile("@RequestMapping\\(\\s*(?:(?:path|value)\\s*=\\s*)?\"([^\"]*)\"");
    private static final Pattern METHOD_MAPPING = Pattern.compile(
            "@(Get|Post|Put|Patch|Delete)Mapping(?:\\(\\s*(?:(?:path|value)\\s*=\\s*)?(?:\"([^\"]*)\")?[^)]*\\))?");

    private RouteTable() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("minstrel.project-root", "..")).toAbsolutePath().normalize();
    }

    /** Every Subsonic method name of the route table, offered or not. */
    static List<String> subsonicMethods() {
        String table = read(projectRoot().resolve(
                "subsonic-api/src/main/java/dev/minstrel/subsonic/SubsonicRoutes.java"));
        List<String> methods = new ArrayList<>();
        for (Pattern pattern : List.of(SUBSONIC_METHOD, UNAVAILABLE_METHOD)) {
            Matcher matcher = pattern.matcher(table);
            while (matcher.find()) {
                methods.add(matcher.group(1));
            }
        }
        return methods;
    }

    /** Every /api route of the server's controllers. */
    static List<ApiRoute> apiRoutes() {
        List<ApiRoute> routes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(projectRoot().resolve("server/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = read(file);
                if (!source.contains("@RestController")) {
                    continue;
                }
                Matcher base = CLASS_MAPPING.matcher(source);
                String prefix = base.find() ? base.group(1) : "";
                Matcher mapping = METHOD_MAPPING.matcher(source);
                while (mapping.find()) {
                    String path = prefix + (mapping.group(2) == null ? "" : mapping.group(2));
                    if (path.startsWith("/api/")) {
                        routes.add(new ApiRoute(mapping.group(1).toUpperCase(java.util.Locale.ROOT), path));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the route table is read from the sources: " + file, e);
        }
    }
}
