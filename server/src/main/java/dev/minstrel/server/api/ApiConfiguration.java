package dev.minstrel.server.api;

import dev.minstrel.server.accounts.apikeys.ApiKeys;
import dev.minstrel.server.accounts.sessions.Sessions;
import dev.minstrel.server.security.LoginThrottle;
import dev.minstrel.server.config.MinstrelProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class ApiConfiguration implements WebFluxConfigurer {

    @Bean
    ApiAuthenticationFilter apiAuthenticationFilter(Sessions sessions, ApiKeys apiKeys, LoginThrottle throttle) {
        return new ApiAuthenticationFilter(sessions, apiKeys, throttle);
    }

    @Bean
    WebSocketOriginFilter webSocketOriginFilter(MinstrelProperties properties) {
        return new WebSocketOriginFilter(properties.web().publicAddress());
    }

    @Bean
    CsrfFilter csrfFilter() {
        return new CsrfFilter();
    }

    @Bean
    ApiProblemHandler apiProblemHandler(JsonMapper json) {
        return new ApiProblemHandler(json);
    }

    /** Lets controllers take a {@link Caller} parameter. */
    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context,
                                                ServerWebExchange exchange) {
                Caller caller = Caller.of(exchange);
                return caller == null ? Mono.error(ApiException.unauthorized("Log in first")) : Mono.just(caller);
            }
        });
    }
}
