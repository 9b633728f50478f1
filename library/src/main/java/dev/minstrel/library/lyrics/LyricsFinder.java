package dev.minstrel.library.lyrics;

import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.tags.TagReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a track's lyrics: a .lrc file with the same base name beside it first, else the lyrics tag. */
public final class LyricsFinder {

    private final Path musicDir;
    private final TagReader reader;

    public LyricsFinder(Path musicDir, TagReader reader) {
        this.musicDir = musicDir;
        this.reader = reader;
    }

    public Optional<Lyrics> lyrics(Track track) {
        Path file = musicDir.resolve(track.path());
        Optional<String> text = sidecar(file);
        if (text.isEmpty() && track.hasEmbeddedLyrics()) {
            text = reader.embeddedLyrics(file);
        }
        return text.filter(t -> !t.isBlank()).map(t -> LrcParser.parse(t, track.artist(), track.title()))
                .filter(lyrics -> !lyrics.lines().isEmpty());
    }

    private static Optional<String> sidecar(Path file) {
        String name = file.getFileName().toString();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        for (String suffix : new String[]{".lrc", ".LRC", ".Lrc"}) {
            Path lrc = file.resolveSibling(base + suffix);
            if (Files.isRegularFile(lrc)) {
                try {
                    byte[] bytes = Files.readAllBytes(lrc);
                    try {
                        return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes))
                                .toString().replace("\uFEFF", ""));
                    } catch (CharacterCodingException e) {
                        // older LRC files are often Latin-1
                        return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
