package dev.minstrel.subsonic.transcode;

import dev.minstrel.library.catalogue.Track;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenSubsonic {@code transcoding} extension's decision: the file as it is when one of the
 * client's direct-play profiles takes it and no limit it set is passed, else the first of its
 * transcoding profiles (in its order) that Minstrel can produce over HTTP. The answer's
 * {@code transcodeParams} ({@code raw}, or format and kbit/s such as {@code opus-128}) is all
 * getTranscodeStream needs; a client that changes it gets what it names, as it could with stream.
 */
public final class TranscodeDecisions {

    private static final Pattern PARAMS = Pattern.compile("(mp3|opus|aac)-(\\d{1,3})");
    static final String RAW = "raw";

    /** A stream described as the extension does: bit rate in bit/s. */
    public record StreamInfo(String protocol, String container, String codec, int channels, int bitRate, int sampleRate,
                             Integer bitDepth) {
    }

    /**
     * @param reasons      why the file cannot be played as it is; empty when it can
     * @param errorReason  why it cannot be transcoded either, or null
     * @param params       what to pass to getTranscodeStream, or null when nothing can be played
     * @param target       the transcode's stream, or null for direct play
     */
    public record Decision(boolean canDirectPlay, boolean canTranscode, List<String> reasons, String errorReason,
                           String params, StreamInfo source, StreamInfo target) {
    }

    private final TranscodeSettings settings;
    private final boolean ffmpegAvailable;

    public TranscodeDecisions(TranscodeSettings settings, boolean ffmpegAvailable) {
        this.settings = settings;
        this.ffmpegAvailable = ffmpegAvailable;
    }

    public Decision decide(Track track, ClientInfo client) {
        StreamInfo source = source(track);
        List<String> reasons = directPlayObstacles(lower(track.suffix()), source, client);
        if (reasons.isEmpty()) {
            return new Decision(true, false, reasons, null, RAW, source, null);
        }
        if (!ffmpegAvailable) {
            return new Decision(false, false, reasons, "ffmpeg is not installed on the server", null, source, null);
        }
        for (ClientInfo.TranscodingProfile profile : client.transcodingProfiles()) {
            Optional<AudioFormat> format = producible(profile);
            boolean channelsFit = profile.maxAudioChannels() == null || profile.maxAudioChannels() <= 0
                    || source.channels() <= profile.maxAudioChannels();
            if (format.isEmpty() || !channelsFit) {
                continue;
            }
            int kbps = transcodeRate(track, client, format.get());
            StreamInfo target = new StreamInfo("http", format.get().container(), format.get().codec(), source.channels(),
                    kbps * 1000, format.get() == AudioFormat.OPUS ? 48_000 : source.sampleRate(), null);
            return new Decision(false, true, reasons, null, format.get().suffix() + "-" + kbps, source, target);
        }
        return new Decision(false, false, reasons, "no transcoding profile of the client is one Minstrel can make "
                + "(mp3, opus in ogg, or aac in adts, over http)", null, source, null);
    }

    /** The transcode getTranscodeStream runs for these params; empty for {@code raw} (the original file). */
    public Optional<Transcode> transcodeOf(Track track, String params, int offsetSeconds) {
        if (RAW.equals(params)) {
            return Optional.empty();
        }
        Matcher matcher = PARAMS.matcher(params == null ? "" : params);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not transcode params: " + params);
        }
        AudioFormat format = AudioFormat.named(matcher.group(1)).orElseThrow();
        return Optional.of(new Transcode(track, format, format.clampBitRate(Integer.parseInt(matcher.group(2))),
                offsetSeconds));
    }

    private int transcodeRate(Track track, ClientInfo client, AudioFormat format) {
        Integer asked = positive(client.maxTranscodingAudioBitrate()).orElse(positive(client.maxAudioBitrate()).orElse(null));
        int kbps = asked != null ? Math.max(1, asked / 1000) : settings.defaultBitRate();
        if (!TranscodePolicy.isLossless(track) && track.bitRate() > 0) {
            kbps = Math.min(kbps, track.bitRate());
        }
        return format.clampBitRate(kbps);
    }

    private static Optional<Integer> positive(Integer value) {
        return value != null && value > 0 ? Optional.of(value) : Optional.empty();
    }

    /** A profile Minstrel can serve: over http, a codec it encodes, in that codec's container (or no container named). */
    private static Optional<AudioFormat> producible(ClientInfo.TranscodingProfile profile) {
        if (profile.protocol() != null && !profile.protocol().equalsIgnoreCase("http")) {
            return Optional.empty();
        }
        String container = lower(profile.container());
        return AudioFormat.named(profile.audioCodec() != null ? profile.audioCodec() : profile.container())
                .filter(format -> container.isEmpty() || container.equals(format.container())
                        || container.equals(format.suffix()));
    }

    private List<String> directPlayObstacles(String suffix, StreamInfo source, ClientInfo client) {
        List<String> reasons = new ArrayList<>();
        List<ClientInfo.DirectPlayProfile> profiles = client.directPlayProfiles();
        List<ClientInfo.DirectPlayProfile> byContainer = profiles.stream()
                .filter(p -> p.containers().isEmpty() || containsIgnoringCase(p.containers(), source.container())
                        || containsIgnoringCase(p.containers(), suffix))
                .filter(p -> p.protocols().isEmpty() || containsIgnoringCase(p.protocols(), "http"))
                .toList();
        List<ClientInfo.DirectPlayProfile> byCodec = byContainer.stream()
                .filter(p -> p.audioCodecs().isEmpty() || containsIgnoringCase(p.audioCodecs(), source.codec()))
                .toList();
        boolean channelsFit = byCodec.stream().anyMatch(p -> p.maxAudioChannels() == null || p.maxAudioChannels() <= 0
                || source.channels() <= p.maxAudioChannels());
        if (byContainer.isEmpty()) {
            reasons.add("container not supported");
        } else if (byCodec.isEmpty()) {
            reasons.add("audio codec not supported");
        } else if (!channelsFit) {
            reasons.add("audio channels not supported");
        }
        if (positive(client.maxAudioBitrate()).filter(max -> source.bitRate() > max).isPresent()) {
            reasons.add("audio bitrate too high");
        }
        for (ClientInfo.CodecProfile codec : client.codecProfiles()) {
            if (codec.name() == null || !codec.name().equalsIgnoreCase(source.codec())) {
                continue;
            }
            for (ClientInfo.Limitation limitation : codec.limitations()) {
                if (Boolean.TRUE.equals(limitation.required()) && !satisfied(limitation, source)) {
                    String reason = readable(limitation.name()) + " not supported";
                    if (!reasons.contains(reason)) {
                        reasons.add(reason);
                    }
                }
            }
        }
        return reasons;
    }

    /** Whether the source meets a limitation; one about a property Minstrel does not know is taken as met. */
    private static boolean satisfied(ClientInfo.Limitation limitation, StreamInfo source) {
        Integer value = switch (limitation.name() == null ? "" : limitation.name()) {
            case "audioChannels" -> source.channels();
            case "audioBitrate" -> source.bitRate();
            case "audioSamplerate" -> source.sampleRate();
            case "audioBitdepth" -> source.bitDepth();
            default -> null;
        };
        if (value == null || limitation.values().isEmpty()) {
            return true;
        }
        try {
            long first = Long.parseLong(limitation.values().get(0).strip());
            return switch (limitation.comparison() == null ? "" : limitation.comparison()) {
                case "LessThanEqual" -> value <= first;
                case "GreaterThanEqual" -> value >= first;
                case "NotEquals" -> limitation.values().stream().noneMatch(v -> v.strip().equals(value.toString()));
                default -> limitation.values().stream().anyMatch(v -> v.strip().equals(value.toString()));
            };
        } catch (NumberFormatException unreadable) {
            return true;
        }
    }

    private static String readable(String limitation) {
        return switch (limitation) {
            case "audioChannels" -> "audio channels";
            case "audioBitrate" -> "audio bitrate";
            case "audioSamplerate" -> "audio samplerate";
            case "audioBitdepth" -> "audio bitdepth";
            default -> limitation;
        };
    }

    /** The file as it is: its container and codec named as ffmpeg and the clients name them. */
    static StreamInfo source(Track track) {
        String suffix = lower(track.suffix());
        String[] containerAndCodec = switch (suffix) {
            case "mp3" -> new String[]{"mp3", "mp3"};
            case "flac" -> new String[]{"flac", "flac"};
            case "ogg", "oga" -> new String[]{"ogg", "vorbis"};
            case "opus" -> new String[]{"ogg", "opus"};
            case "m4a", "mp4", "m4b" -> new String[]{"mp4", "aac"};
            case "aac" -> new String[]{"aac", "aac"};
            case "wav" -> new String[]{"wav", "pcm"};
            case "aif", "aiff" -> new String[]{"aiff", "pcm"};
            default -> new String[]{suffix, suffix};
        };
        return new StreamInfo("http", containerAndCodec[0], containerAndCodec[1], track.channels(),
                track.bitRate() * 1000, track.sampleRate(), track.bitDepth());
    }

    private static boolean containsIgnoringCase(List<String> values, String wanted) {
        return values.stream().anyMatch(v -> v != null && v.strip().equalsIgnoreCase(wanted));
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
