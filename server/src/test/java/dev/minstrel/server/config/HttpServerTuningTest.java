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

    private static MinstrelProperties.Http settings(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("minstrel", Bindable.of(MinstrelProperties.class)).http();
    }

    @Test
    void connectionsGetA256KilobyteSendBufferByDefault() {
        HttpServer server = HttpServerTuning.withSendBuffer(HttpServer.create(), settings(Map.of()));

        assertThat(server.configuration().childOptions().get(ChannelOption.SO_SNDBUF)).isEqualTo(262_144);
    }

    @Test
    void zeroLeavesTheSendBufferToTheKernel() {
        HttpServer server = HttpServerTuning.withSendBuffer(HttpServer.create(),
                settings(Map.of("minstrel.http.send-buffer", "0")));

        assertThat(server.configuration().childOptions()).doesNotContainKey(ChannelOption.SO_SNDBUF);
    }

    @Test
    void theServerRunsOnOneEventLoopPerCoreUnlessToldOtherwise() {
        assertThat(settings(Map.of()).ioThreadCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(settings(Map.of("minstrel.http.io-threads", "3")).ioThreadCount()).isEqualTo(3);
    }
}
