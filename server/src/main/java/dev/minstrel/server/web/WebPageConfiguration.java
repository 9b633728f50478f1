package dev.minstrel.server.web;

import dev.minstrel.server.api.web.ServerAddress;
import dev.minstrel.server.config.MinstrelProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.ResourceUrlProvider;
import org.springframework.web.reactive.resource.VersionResourceResolver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The web page: one HTML shell for every page route (the page routes on the client, so the player
 * at the bottom survives navigation), and its static files under {@code /app/} (Minstrel's own,
 * from {@code classpath:/web/app/}) and {@code /vendor/} (libraries from webjars). Static files are
 * served under content-hashed names ({@code main-<md5>.js}) and cached for a year; the shell, never
 * cached, names the current ones. Text is compressed by the HTTP server (server.compression).
 */
@Configuration(proxyBeanMethods = false)
public class WebPageConfiguration implements WebFluxConfigurer {

    /** Client-side routes; every one answers the shell, which draws the page. */
    static final List<String> PAGE_ROUTES = List.of("/", "/join", "/join/{code}", "/welcome", "/library",
            "/library/{*rest}", "/artists/{id}", "/albums/{id}", "/search", "/add", "/requests", "/playlists",
            "/playlists/{id}", "/stats", "/stats/{*rest}", "/circle", "/circle/{*rest}", "/me", "/connect");

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/app/**").addResourceLocations("classpath:/web/app/")
                .setCacheControl(FOREVER)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        registry.addResourceHandler("/vendor/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(FOREVER)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    @Bean
    ServerAddress serverAddress(MinstrelProperties properties) {
        return new ServerAddress(properties);
    }

    @Bean
    WebShell webShell(ResourceUrlProvider resourceUrls) {
        return new WebShell(resourceUrls);
    }

    @Bean
    RouterFunction<ServerResponse> webPageRoutes(WebShell shell) {
        RequestPredicate pages = PAGE_ROUTES.stream().map(path -> GET(path).or(HEAD(path)))
                .reduce(RequestPredicate::or).orElseThrow();
        return route(pages, shell::page)
                // the sign-up page's old address: the browser keeps the #code across the redirect
                .andRoute(GET("/join.html"), request -> ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
                        .location(URI.create("/join")).build());
    }
}
