package dev.minstrel.subsonic.annotation;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** reportPlayback's parameters as the OpenSubsonic spec gives them; bad ones are error 10, unknown media 70. */
class ReportPlaybackTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
    }

    private static String report(String query) {
        return fixture.json(fixture.asFriend("reportPlayback", query));
    }

    @Test
    void aPlayingReportShowsInNowPlayingWithItsPositionAndRate() {
        assertThat(report("mediaId=" + fixture.something.id() + "&mediaType=song&positionMs=5000&state=playing"
                + "&playbackRate=1.5")).contains("\"status\":\"ok\"");
        assertThat(fixture.json(fixture.asOwner("getNowPlaying", ""))).contains("\"username\":\"bob\"",
                "\"state\":\"playing\"", "\"positionMs\":5000", "\"playbackRate\":1.5");
        report("mediaId=" + fixture.something.id() + "&mediaType=song&positionMs=5000&state=stopped");
        assertThat(fixture.json(fixture.asOwner("getNowPlaying", ""))).doesNotContain("\"username\":\"bob\"");
    }

    @Test
    void badParametersAreRefusedByName() {
        String song = "mediaId=" + fixture.soWhat.id() + "&mediaType=song";
        assertThat(report("mediaType=song&positionMs=0&state=playing")).contains("\"code\":10", "mediaId");
        assertThat(report(song + "&state=playing")).contains("\"code\":10", "positionMs");
        assertThat(report(song + "&positionMs=-1&state=playing")).contains("\"code\":10", "positionMs");
        assertThat(report(song + "&positionMs=soon&state=playing")).contains("\"code\":10", "positionMs");
        assertThat(report(song + "&positionMs=0")).contains("\"code\":10", "state");
        assertThat(report(song + "&positionMs=0&state=playing&playbackRate=fast")).contains("\"code\":10", "playbackRate");
        assertThat(report(song + "&positionMs=0&state=playing&playbackRate=0")).contains("\"code\":10", "playbackRate");
        assertThat(report(song + "&positionMs=0&state=playing&ignoreScrobble=maybe")).contains("\"code\":10", "ignoreScrobble");
        assertThat(report("mediaId=" + fixture.soWhat.id() + "&mediaType=video&positionMs=0&state=playing"))
                .contains("\"code\":10", "mediaType");
        assertThat(report("mediaId=tr-nothing&mediaType=song&positionMs=0&state=playing")).contains("\"code\":70");
    }
}
