package dev.minstrel.subsonic.transcode;

import java.util.List;

/**
 * What a client can play, as it posts it to the OpenSubsonic {@code getTranscodeDecision}. Bit
 * rates are in bit/s. Absent lists are empty; in a direct-play profile an empty list means "any".
 */
public record ClientInfo(String name, String platform, Integer maxAudioBitrate, Integer maxTranscodingAudioBitrate,
                         List<DirectPlayProfile> directPlayProfiles, List<TranscodingProfile> transcodingProfiles,
                         List<CodecProfile> codecProfiles) {

    public ClientInfo {
        directPlayProfiles = directPlayProfiles == null ? List.of() : List.copyOf(directPlayProfiles);
        transcodingProfiles = transcodingProfiles == null ? List.of() : List.copyOf(transcodingProfiles);
        codecProfiles = codecProfiles == null ? List.of() : List.copyOf(codecProfiles);
    }

    public record DirectPlayProfile(List<String> containers, List<String> audioCodecs, List<String> protocols,
                                    Integer maxAudioChannels) {

        public DirectPlayProfile {
            containers = containers == null ? List.of() : List.copyOf(containers);
            audioCodecs = audioCodecs == null ? List.of() : List.copyOf(audioCodecs);
            protocols = protocols == null ? List.of() : List.copyOf(protocols);
        }
    }

    /** A format the client can play if the server transcodes into it; the list is in the client's order of preference. */
    public record TranscodingProfile(String container, String audioCodec, String protocol, Integer maxAudioChannels) {
    }

    public record CodecProfile(String type, String name, List<Limitation> limitations) {

        public CodecProfile {
            limitations = limitations == null ? List.of() : List.copyOf(limitations);
        }
    }

    /**
     * @param name       audioChannels, audioBitrate, audioProfile, audioSamplerate or audioBitdepth
     * @param comparison Equals, NotEquals, LessThanEqual or GreaterThanEqual (the last two use the first value)
     */
    public record Limitation(String name, String comparison, List<String> values, Boolean required) {

        public Limitation {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
