package dev.minstrel.server.security;

import dev.minstrel.server.config.MinstrelProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    ClientAddressFilter clientAddressFilter(MinstrelProperties properties) {
        return new ClientAddressFilter(new TrustedProxies(properties.security().trustedProxies()));
    }

    @Bean
    SecurityHeadersFilter securityHeadersFilter() {
        return new SecurityHeadersFilter();
    }

    /** In Redis when {@code minstrel.redis.url} is set, so several instances share their counts. */
    @Bean
    ThrottleBuckets throttleBuckets(MinstrelProperties properties) {
        if (!properties.redis().configured()) {
            return new LocalThrottleBuckets();
        }
        return new RedisThrottleBuckets(properties.redis().url(), properties.redis().prefix());
    }

    @Bean
    LoginThrottle loginThrottle(ThrottleBuckets buckets, MinstrelProperties properties, Clock clock) {
        return new LoginThrottle(buckets, properties.security().throttle(), clock::instant);
    }
}
