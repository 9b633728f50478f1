package dev.minstrel.server.config;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.client.ReactorResourceFactory;
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
        assertThat(eventLoops(Map.of())).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(eventLoops(Map.of("minstrel.http.io-threads", "3"))).isEqualTo(3);
    }

    /** The event loops of the resource factory the server runs on, as the application builds it. */
    private static int eventLoops(Map<String, String> values) {
        ReactorResourceFactory factory = new HttpServerTuning().reactorResourceFactory(new Binder(
                new MapConfigurationPropertySource(values)).bindOrCreate("minstrel", Bindable.of(MinstrelProperties.class)));
        factory.start();
        try {
            int loops = 0;
            for (var ignored : factory.getLoopResources().onServer(true)) {
                loops++;
            }
            return loops;
        } finally {
            factory.stop();
        }
    }
}
