package dev.minstrel.server.web;

import dev.minstrel.server.security.SecurityHeadersFilter;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.ResourceUrlProvider;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML every page route answers. Its template ({@code classpath:/web/index.html}) names static
 * files by their plain paths in {@code {{/app/...}}}; they are replaced with the content-hashed
 * URLs the resource chain serves. The ES modules import each other by plain path
 * ({@code import {h} from '/app/dom.js'}), and an import map in the shell sends each to its hashed
 * URL, so a changed module changes its own URL only. The import map is the page's one inline
 * script: the shell's Content-Security-Policy allows exactly it by its SHA-256.
 */
public class WebShell {

    static final String TEMPLATE = "classpath:/web/index.html";
    private static final String MODULES = "classpath:/web/app/**/*.js";
    /** Libraries the modules import by bare name, and the webjar file each is. */
    private static final Map<String, String> LIBRARIES = Map.of("uplot", "/vendor/uplot/1.6.30/dist/uPlot.esm.js");
    private static final Pattern ASSET = Pattern.compile("\\{\\{(/[^}]+)}}");

    private final ResourceUrlProvider resourceUrls;
    private final String template;
    private final List<String> modules;
    private Mono<Rendered> rendered;

    record Rendered(String html, String contentSecurityPolicy) {
    }

    public WebShell(ResourceUrlProvider resourceUrls) {
        this.resourceUrls = resourceUrls;
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            this.template = resolver.getResource(TEMPLATE).getContentAsString(StandardCharsets.UTF_8);
            List<String> found = new ArrayList<>();
            for (Resource module : resolver.getResources(MODULES)) {
                String url = module.getURL().toString();
                found.add(url.substring(url.lastIndexOf("/web/app/") + "/web".length()));
            }
            found.sort(null);
            this.modules = List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("the web page's files are missing from the jar", e);
        }
    }

    public Mono<ServerResponse> page(ServerRequest request) {
        return render(request.exchange()).flatMap(shell -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header(SecurityHeadersFilter.CSP_HEADER, shell.contentSecurityPolicy())
                .bodyValue(shell.html()));
    }

    /** Rendered once: the hashed names only change with the jar. */
    private synchronized Mono<Rendered> render(ServerWebExchange exchange) {
        if (rendered == null) {
            rendered = build(exchange).cache();
        }
        return rendered;
    }

    private Mono<Rendered> build(ServerWebExchange exchange) {
        Map<String, String> imports = new LinkedHashMap<>();
        LIBRARIES.forEach(imports::put);
        modules.forEach(module -> imports.put(module, module));
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(template);
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        return Flux.fromIterable(imports.entrySet())
                .concatMap(entry -> hashed(entry.getValue(), exchange).map(url -> Map.entry(entry.getKey(), url)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .zipWith(Flux.fromIterable(assets).concatMap(asset -> hashed(asset, exchange)
                                .map(url -> Map.entry(asset, url)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue))
                .map(found -> {
                    String importMap = importMap(found.getT1());
                    String html = ASSET.matcher(template).replaceAll(m -> Matcher.quoteReplacement(found.getT2().get(m.group(1))))
                            .replace("{{importmap}}", importMap);
                    return new Rendered(html, SecurityHeadersFilter.contentSecurityPolicy("'sha256-" + sha256(importMap) + "'"));
                });
    }

    private Mono<String> hashed(String path, ServerWebExchange exchange) {
        return resourceUrls.getForUriString(path, exchange)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the web page's file " + path + " is missing")));
    }

    /** JSON by hand: the keys and values are our own paths, which need no escaping but the slash-free kind. */
    private static String importMap(Map<String, String> imports) {
        StringBuilder json = new StringBuilder("{\"imports\":{");
        imports.forEach((name, url) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                .append('"').append(name).append("\":\"").append(url).append('"'));
        return json.append("}}").toString();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
