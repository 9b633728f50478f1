package dev.minstrel.ingest.download;

/** The external programs ingest runs, with what to tell the owner when one is missing. */
public enum Tool {
    SPOTDL("spotdl", "spotDL", "spotDL is not installed (no 'spotdl' on PATH). Install it with "
            + "'sudo apt install pipx ffmpeg && pipx install spotdl' and make sure ~/.local/bin is on the "
            + "server's PATH, or set minstrel.ingest.spotdl to its full path. See docs/ingest.md."),
    YT_DLP("yt-dlp", "yt-dlp", "yt-dlp is not installed (no 'yt-dlp' on PATH). Install it with "
            + "'sudo apt install pipx ffmpeg && pipx install yt-dlp' (Debian's own yt-dlp package is too old), "
            + "or set minstrel.ingest.yt-dlp to its full path. See docs/ingest.md.");

    public static final String FFMPEG_MISSING = "FFmpeg is not installed. Install it with 'sudo apt install ffmpeg' "
            + "(the downloaders need it on the server's PATH to convert audio). See docs/ingest.md.";

    private final String command;
    private final String displayName;
    private final String installHint;

    Tool(String command, String displayName, String installHint) {
        this.command = command;
        this.displayName = displayName;
        this.installHint = installHint;
    }

    public String displayName() {
        return displayName;
    }

    public String command() {
        return command;
    }

    public String installHint() {
        return installHint;
    }
}
