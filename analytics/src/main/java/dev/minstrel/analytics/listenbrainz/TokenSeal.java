package dev.minstrel.analytics.listenbrainz;

import java.util.function.UnaryOperator;

/**
 * How tokens are kept at rest: sealed by the server's secret key (the one that seals Subsonic
 * passwords, in a file outside the database), so a copy of the database alone reveals no token.
 */
public record TokenSeal(UnaryOperator<String> seal, UnaryOperator<String> open) {
}
