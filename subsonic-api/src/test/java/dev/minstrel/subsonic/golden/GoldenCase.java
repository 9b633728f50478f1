package dev.minstrel.subsonic.golden;

import java.util.List;
import java.util.function.Function;

/**
 * One call whose answers are kept under {@code src/test/resources/golden/<method>/<name>.<format>}.
 *
 * @param method   the Subsonic method ({@code getAlbum}), or a name no route has
 * @param name     what this call of it shows ({@code compilation}, {@code dsub})
 * @param query    the call's own parameters, worked out against the library when the call is made
 * @param json     the parameters of the JSON call when it must differ from the XML one (a write
 *                 that cannot be repeated, such as deleting a playlist); else the same
 * @param caller   whose credentials go with the call
 * @param client   the {@code c} parameter: {@code golden} (all fields), {@code DSub} (legacy),
 *                 {@code SubMusic} (minimal)
 * @param formats  {@code xml}, {@code json}, {@code jsonp}, or {@code http} for a binary answer
 *                 (its status and headers are kept, not its bytes)
 * @param shuffled the call orders its entries at random, so they are compared in a fixed order
 * @param headers  request headers, {@code Name: value} (a Range)
 * @param body     a JSON body, sent as a POST; null for a GET
 */
record GoldenCase(String method, String name, Function<EdgeCaseLibrary, String> query,
                  Function<EdgeCaseLibrary, String> json, Caller caller, String client, List<String> formats,
                  boolean shuffled, List<String> headers, String body) {

    enum Caller { ALICE, BOB, NOBODY }

    static GoldenCase of(String method, String name, Function<EdgeCaseLibrary, String> query) {
        return new GoldenCase(method, name, query, null, Caller.ALICE, "golden", List.of("xml", "json"), false, List.of(), null);
    }

    static GoldenCase of(String method, String name, String query) {
        return of(method, name, library -> query);
    }

    GoldenCase thenJson(Function<EdgeCaseLibrary, String> jsonQuery) {
        return new GoldenCase(method, name, query, jsonQuery, caller, client, formats, shuffled, headers, body);
    }

    GoldenCase as(Caller who) {
        return new GoldenCase(method, name, query, json, who, client, formats, shuffled, headers, body);
    }

    GoldenCase client(String c) {
        return new GoldenCase(method, name, query, json, caller, c, formats, shuffled, headers, body);
    }

    GoldenCase formats(String... kinds) {
        return new GoldenCase(method, name, query, json, caller, client, List.of(kinds), shuffled, headers, body);
    }

    GoldenCase inRandomOrder() {
        return new GoldenCase(method, name, query, json, caller, client, formats, true, headers, body);
    }

    GoldenCase header(String header) {
        return new GoldenCase(method, name, query, json, caller, client, formats, shuffled, List.of(header), body);
    }

    GoldenCase postJson(String json) {
        return new GoldenCase(method, name, query, this.json, caller, client, formats, shuffled, headers, json);
    }

    /** The golden file of one format, relative to the golden folder. */
    String file(String format) {
        return method + "/" + name + "." + format;
    }

    @Override
    public String toString() {
        return method + "/" + name;
    }
}
