package dev.minstrel.ingest.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkParserTest {

    private final LinkParser parser = new LinkParser();

    @ParameterizedTest
    @ValueSource(strings = {
            "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
            "https://open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC?si=abc123&utm_source=copy",
            "open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC/",
            "spotify:track:4uLU6hMCjMI75M1A2tKUQC",
            "  http://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC  "})
    void everySpellingOfASpotifyTrackIsTheSameLink(String pasted) {
        Link link = parser.parse(pasted);
        assertThat(link.url()).isEqualTo("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");
        assertThat(link.kind()).isEqualTo(Link.Kind.TRACK);
        assertThat(link.identity()).isEqualTo("spotify:track:4uLU6hMCjMI75M1A2tKUQC");
    }

    @Test
    void spotifyAlbumsPlaylistsAndArtistsKeepTheirKind() {
        assertThat(parser.parse("https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3").kind()).isEqualTo(Link.Kind.ALBUM);
        assertThat(parser.parse("spotify:playlist:37i9dQZF1DXcBWIGoYBM5M").kind()).isEqualTo(Link.Kind.PLAYLIST);
        assertThat(parser.parse("https://open.spotify.com/intl-pt-BR/artist/0OdUWJ0sBjDrqHygGUXeCF").url())
                .isEqualTo("https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com/watch?v=dQw4w9WgXcQ&list=PL123&t=42s",
            "https://youtu.be/dQw4w9WgXcQ?si=xyz",
            "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://music.youtube.com/watch?v=dQw4w9WgXcQ&feature=share"})
    void everySpellingOfAYouTubeVideoIsTheSameJob(String pasted) {
        Link link = parser.parse(pasted);
        assertThat(link.identity()).isEqualTo("youtube:track:dQw4w9WgXcQ");
        assertThat(link.url()).endsWith("/watch?v=dQw4w9WgXcQ");
        assertThat(link.isYouTube()).isTrue();
    }

    @Test
    void youTubeMusicKeepsItsHostForSpotdlAndPlaylistsAreLists() {
        assertThat(parser.parse("https://music.youtube.com/watch?v=dQw4w9WgXcQ").url())
                .isEqualTo("https://music.youtube.com/watch?v=dQw4w9WgXcQ");
        Link list = parser.parse("https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI");
        assertThat(list.kind()).isEqualTo(Link.Kind.PLAYLIST);
        assertThat(list.url()).isEqualTo("https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--exec=rm -rf ~",
            "-o/etc/passwd",
            "https://soundcloud.com/artist/track",
            "https://open.spotify.com/episode/4uLU6hMCjMI75M1A2tKUQC",
            "https://open.spotify.com/track/short",
            "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC;rm",
            "https://www.youtube.com/watch?v=--exec",
            "https://www.youtube.com/channel/UC123",
            "file:///etc/passwd",
            "ftp://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
            "https://user@open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
            "Rick Astley - Never Gonna Give You Up",
            ""})
    void anythingElseIsRefusedWithAReason(String pasted) {
        assertThatThrownBy(() -> parser.parse(pasted)).isInstanceOf(InvalidLinkException.class)
                .message().isNotBlank();
    }

    @Test
    void theNormalisedUrlNeverStartsWithADash() {
        assertThat(parser.parse("https://youtu.be/-abcdefghij").url()).startsWith("https://");
    }
}
