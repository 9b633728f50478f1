package dev.minstrel.server.http;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/**
 * What happens to requests before WebFlux sees them: malformed ones are marked by
 * {@link MalformedRequestGuard} and answered by {@link RefusedRequestFilter}.
 */
@Configuration(proxyBeanMethods = false)
class HttpEdgeConfiguration {

    @Bean
    NettyServerCustomizer malformedRequestGuard() {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, MalformedRequestGuard.NAME,
                        new MalformedRequestGuard());
            }
        });
    }

    @Bean
    RefusedRequestFilter refusedRequestFilter(
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxLine,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaders,
            @Value("${spring.codec.max-in-memory-size:256KB}") DataSize maxApiBody) {
        return new RefusedRequestFilter(maxLine, maxHeaders, maxApiBody);
    }
}
