package dev.minstrel.server.config;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import reactor.netty.http.server.HttpServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpServerTuningTest {

    private static HttpServer tuned(Map<String, String> settings) {
        MinstrelProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("minstrel", Bindable.of(MinstrelProperties.class));
        return new HttpServerTuning().socketSendBuffer(properties).apply(HttpServer.create());
    }

    @Test
    void connectionsGetA256KilobyteSendBufferByDefault() {
        assertThat(tuned(Map.of()).configuration().childOptions().get(ChannelOption.SO_SNDBUF)).isEqualTo(262_144);
    }

    @Test
    void zeroLeavesTheBufferToTheKernel() {
        assertThat(tuned(Map.of("minstrel.http.send-buffer", "0")).configuration().childOptions())
                .doesNotContainKey(ChannelOption.SO_SNDBUF);
    }
}
