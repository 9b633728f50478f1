package dev.minstrel.server.security;

import dev.minstrel.subsonic.protocol.Dispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressFilterTest {

    private final ClientAddressFilter loopbackTrusted =
            new ClientAddressFilter(new TrustedProxies(List.of("127.0.0.1", "::1", "10.0.0.0/8")));

    private String resolve(ClientAddressFilter filter, String peer, String... headers) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/rest/ping")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, e -> Mono.empty()).block();
        return exchange.getAttribute(Dispatcher.CLIENT_ADDRESS);
    }

    @Test
    void behindTheTunnelCloudflaresHeaderNamesTheClient() {
        assertThat(resolve(loopbackTrusted, "127.0.0.1", "CF-Connecting-IP", "203.0.113.5",
                "X-Forwarded-For", "198.51.100.1")).isEqualTo("203.0.113.5");
    }

    @Test
    void theRightMostUntrustedForwardedAddressIsTheClient() {
        assertThat(resolve(loopbackTrusted, "127.0.0.1", "X-Forwarded-For", "6.6.6.6, 203.0.113.5, 10.1.2.3"))
                .as("the left entry was written by the client itself").isEqualTo("203.0.113.5");
        assertThat(resolve(loopbackTrusted, "::1", "X-Forwarded-For", "2001:db8::1")).isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    void headersFromAnUntrustedPeerAreIgnored() {
        assertThat(resolve(loopbackTrusted, "192.0.2.44", "CF-Connecting-IP", "203.0.113.5",
                "X-Forwarded-For", "203.0.113.6")).isEqualTo("192.0.2.44");
        ClientAddressFilter trustsNobody = new ClientAddressFilter(new TrustedProxies(List.of()));
        assertThat(resolve(trustsNobody, "127.0.0.1", "CF-Connecting-IP", "203.0.113.5")).isEqualTo("127.0.0.1");
    }

    @Test
    void garbageInTheHeadersFallsBackToThePeer() {
        assertThat(resolve(loopbackTrusted, "127.0.0.1", "CF-Connecting-IP", "evil.example",
                "X-Forwarded-For", "not-an-ip")).isEqualTo("127.0.0.1");
        assertThat(resolve(loopbackTrusted, "127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void trustedProxiesTakeAddressesAndRangesButNoHostNames() {
        TrustedProxies proxies = new TrustedProxies(List.of("192.168.1.0/24", "fd00::/8", "127.0.0.1"));

        assertThat(proxies.trusts("192.168.1.200")).isTrue();
        assertThat(proxies.trusts("192.168.2.1")).isFalse();
        assertThat(proxies.trusts("fd12:3456::1")).isTrue();
        assertThat(proxies.trusts("127.0.0.2")).isFalse();
        assertThat(proxies.trusts("localhost")).isFalse();
        assertThatThrownBy(() -> new TrustedProxies(List.of("proxy.example.com")))
                .hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }

    private java.net.URI uriSeenBehind(String peer, String proto) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("http://music.example.org:4533/rest/getArtistInfo2?id=ar-1")
                .remoteAddress(new InetSocketAddress(peer, 40000)).header("X-Forwarded-Proto", proto));
        java.net.URI[] seen = new java.net.URI[1];
        loopbackTrusted.filter(exchange, e -> {
            seen[0] = e.getRequest().getURI();
            return Mono.empty();
        }).block();
        return seen[0];
    }

    @Test
    void behindTheTunnelTheRequestIsHttpsSoLinksWrittenIntoAnswersAreToo() {
        assertThat(uriSeenBehind("127.0.0.1", "https")).hasToString("https://music.example.org/rest/getArtistInfo2?id=ar-1");
        assertThat(uriSeenBehind("192.0.2.44", "https")).as("an untrusted peer cannot claim https")
                .hasToString("http://music.example.org:4533/rest/getArtistInfo2?id=ar-1");
    }
}
