package dev.minstrel.server.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Boot's {@code %wEx} (stack traces), with credentials masked: exception messages and Reactor's
 * checkpoints quote request URLs ({@link Redaction}); logback-spring.xml installs it.
 */
public class RedactedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Redaction.redact(super.throwableProxyToString(proxy));
    }
}
