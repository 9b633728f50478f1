package dev.minstrel.server.config;

import io.netty.channel.ChannelOption;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * What Boot does not expose as properties of its Netty server: the number of event loops (the
 * server runs on the loops of this resource factory, which replaces Boot's global one) and the
 * socket send buffer.
 */
@Configuration(proxyBeanMethods = false)
class HttpServerTuning {

    @Bean
    ReactorResourceFactory reactorResourceFactory(MinstrelProperties properties) {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResourcesSupplier(() -> eventLoops(properties.http()));
        return factory;
    }

    static LoopResources eventLoops(MinstrelProperties.Http settings) {
        return LoopResources.create("minstrel-http", 1, settings.ioThreadCount(), true);
    }

    @Bean
    NettyServerCustomizer socketSendBuffer(MinstrelProperties properties) {
        return server -> withSendBuffer(server, properties.http());
    }

    static HttpServer withSendBuffer(HttpServer server, MinstrelProperties.Http settings) {
        long bytes = settings.sendBuffer().toBytes();
        return bytes > 0 ? server.childOption(ChannelOption.SO_SNDBUF, Math.toIntExact(bytes)) : server;
    }
}
