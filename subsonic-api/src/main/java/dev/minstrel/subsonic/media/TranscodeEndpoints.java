package dev.minstrel.subsonic.media;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.model.PayloadsTranscodeDecisionBuilder;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.ErrorCode;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import dev.minstrel.subsonic.transcode.ClientInfo;
import dev.minstrel.subsonic.transcode.TranscodeDecisions;
import dev.minstrel.subsonic.transcode.Transcoder;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * The OpenSubsonic {@code transcoding} extension: {@code getTranscodeDecision} (a POST whose JSON
 * body says what the client can play) and {@code getTranscodeStream} (the stream that decision
 * named). Only songs: Minstrel has no podcasts.
 */
public final class TranscodeEndpoints {

    /** A client's description of its formats is a few KB; a bound keeps a stranger's body small in memory. */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final MusicLibrary library;
    private final TranscodeDecisions decisions;
    private final MediaResponses responses;

    public TranscodeEndpoints(MusicLibrary library, TranscodeDecisions decisions, Transcoder transcoder) {
        this.library = library;
        this.decisions = decisions;
        this.responses = new MediaResponses(library, transcoder);
    }

    public Mono<Reply> getTranscodeDecision(Call call) {
        Track track = song(call);
        if (!HttpMethod.POST.equals(call.request().method())) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER,
                    "getTranscodeDecision is a POST whose JSON body describes what the client can play (ClientInfo)");
        }
        boolean form = call.request().headers().contentType()
                .map(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith).orElse(false);
        if (form) {
            // the dispatcher has read a form body as parameters already
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER,
                    "getTranscodeDecision takes its ClientInfo as a JSON body (Content-Type: application/json), not a form");
        }
        return DataBufferUtils.join(call.request().exchange().getRequest().getBody(), MAX_BODY_BYTES)
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new SubsonicException(ErrorCode.MISSING_PARAMETER,
                        "The ClientInfo body must be at most " + MAX_BODY_BYTES / 1024 + " KB"))
                .defaultIfEmpty("")
                .map(body -> Reply.of("transcodeDecision", payload(decisions.decide(track, clientInfo(body)))));
    }

    public Mono<ServerResponse> getTranscodeStream(Call call) {
        Track track = song(call);
        String params = call.params().required("transcodeParams");
        int offset = call.params().count("offset", 0, Integer.MAX_VALUE);
        try {
            return responses.stream(call, track, decisions.transcodeOf(track, params, offset), false);
        } catch (IllegalArgumentException unknown) {
            throw SubsonicException.invalid("transcodeParams", params, "the transcodeParams of a getTranscodeDecision answer");
        }
    }

    private Track song(Call call) {
        String mediaType = call.params().required("mediaType");
        if (!mediaType.equals("song")) {
            throw SubsonicException.invalid("mediaType", mediaType, "song (Minstrel has no podcasts)");
        }
        return Lookups.track(library.catalogue(), call.params().required("mediaId"));
    }

    private static ClientInfo clientInfo(String body) {
        if (body.isBlank()) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER,
                    "getTranscodeDecision needs a JSON body describing what the client can play (ClientInfo)");
        }
        try {
            ClientInfo info = JSON.readValue(body, ClientInfo.class);
            if (info == null) {
                throw new SubsonicException(ErrorCode.MISSING_PARAMETER, "The ClientInfo body must be a JSON object");
            }
            return info;
        } catch (JacksonException unreadable) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER,
                    "The ClientInfo body is not the JSON object the transcoding extension describes");
        }
    }

    private static Payloads.TranscodeDecision payload(TranscodeDecisions.Decision decision) {
        return PayloadsTranscodeDecisionBuilder.builder()
                .canDirectPlay(decision.canDirectPlay()).canTranscode(decision.canTranscode())
                .transcodeReason(decision.reasons()).errorReason(decision.errorReason())
                .transcodeParams(decision.params()).sourceStream(details(decision.source()))
                .transcodeStream(details(decision.target())).build();
    }

    private static Payloads.StreamDetails details(TranscodeDecisions.StreamInfo stream) {
        if (stream == null) {
            return null;
        }
        return new Payloads.StreamDetails(stream.protocol(), stream.container(), stream.codec(), stream.channels(),
                stream.bitRate(), null, stream.sampleRate(), stream.bitDepth());
    }
}
