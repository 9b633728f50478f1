package dev.minstrel.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.TimeUnit;

/**
 * Sits between Netty's HTTP decoder and Reactor Netty's request handling, and turns what those
 * would answer with an empty 400, 414 or 431 (or not at all) into ordinary requests marked with
 * {@link Refusal#HEADER}, which the application answers in the protocol's own terms.
 * <p>
 * Why not leave the decoding failures to Reactor Netty: it answers them with an empty body, and
 * when such a request arrives pipelined behind one still being answered (a form POST that reads
 * the database, say) it takes the decoder's stand-in request (HTTP/1.0, no keep-alive) as asking
 * to close the connection, closes it after the earlier answer and never answers the refused one.
 * The stand-in given here is HTTP/1.1 and keep-alive, so it is answered in its turn; the answer
 * itself then closes the connection, whose decoder discards everything that follows.
 * <p>
 * It also lingers when the server closes a connection: an answer given before the request's body
 * was read (a body over the limit, a stranger's form post) is followed by a close while the
 * client may still be sending, and a socket closed with unread data sends a reset that makes the
 * client drop the answer it has not read yet. So the close first shuts only the output (the
 * answer arrives whole, then the end of stream), discards what the client still sends, and closes
 * when the client does or after {@link #LINGER_MILLIS}.
 * <p>
 * Nothing here logs: a request line may carry a password. One instance per connection.
 */
final class MalformedRequestGuard extends ChannelDuplexHandler {

    static final String NAME = "minstrel.malformedRequestGuard";
    static final long LINGER_MILLIS = 2_000;

    private boolean lingering;

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        Channel channel = ctx.channel();
        if (lingering || !(channel instanceof DuplexChannel duplex) || !channel.isActive() || duplex.isInputShutdown()
                || duplex.isOutputShutdown()) {
            ctx.close(promise);
            return;
        }
        lingering = true;
        channel.config().setAutoRead(true);
        duplex.shutdownOutput();
        channel.closeFuture().addListener(closed -> promise.trySuccess());
        ctx.executor().schedule(() -> {
            if (channel.isOpen()) {
                ctx.close();
            }
        }, LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lingering) {
            ReferenceCountUtil.release(msg); // the rest of a body nobody will read
            return;
        }
        if (!(msg instanceof HttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        request.headers().remove(Refusal.HEADER);
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Refusal refusal = refusal(result.cause());
            String target = refusal == Refusal.LINE_TOO_LONG ? "/rest" : routable(RequestTarget.of(request.uri()).value());
            ReferenceCountUtil.release(msg);
            ctx.fireChannelRead(standIn(target, refusal));
            return;
        }
        RequestTarget target = RequestTarget.of(request.uri());
        if (!target.value().equals(request.uri())) {
            request.setUri(target.value());
        }
        if (target.malformed()) {
            request.headers().set(Refusal.HEADER, Refusal.MALFORMED_TARGET.name());
        } else if (!RequestTarget.validHost(request.headers().get(HttpHeaderNames.HOST))) {
            request.headers().set(HttpHeaderNames.HOST, "localhost");
            request.headers().set(Refusal.HEADER, Refusal.MALFORMED_HOST.name());
        }
        ctx.fireChannelRead(msg);
    }

    private static Refusal refusal(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return Refusal.LINE_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Refusal.HEADERS_TOO_LARGE;
        }
        return Refusal.UNDECODABLE;
    }

    /** /api answers with problem details; anything else with the Subsonic envelope of /rest. */
    private static String routable(String target) {
        return target.startsWith("/api/") || target.startsWith("/rest/") ? target : "/rest";
    }

    private static FullHttpRequest standIn(String target, Refusal refusal) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        request.headers().set(HttpHeaderNames.HOST, "localhost");
        request.headers().set(Refusal.HEADER, refusal.name());
        return request;
    }
}
