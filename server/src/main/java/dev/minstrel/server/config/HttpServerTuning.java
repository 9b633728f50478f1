package dev.minstrel.server.config;

import io.netty.channel.ChannelOption;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Socket options of the Netty server that Boot does not expose as properties. */
@Configuration(proxyBeanMethods = false)
class HttpServerTuning {

    @Bean
    NettyServerCustomizer socketSendBuffer(MinstrelProperties properties) {
        long bytes = properties.http().sendBuffer().toBytes();
        return server -> bytes > 0 ? server.childOption(ChannelOption.SO_SNDBUF, Math.toIntExact(bytes)) : server;
    }
}
