package dev.minstrel.server.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import static dev.minstrel.server.config.SettingChecks.atLeast;
import static dev.minstrel.server.config.SettingChecks.matching;
import static dev.minstrel.server.config.SettingChecks.notBlank;
import static dev.minstrel.server.config.SettingChecks.range;
import static dev.minstrel.server.config.SettingChecks.required;

/**
 * Minstrel's settings, under {@code minstrel.*} in application.properties (or an application.yml of the owner's), or as environment variables
 * ({@code MINSTREL_MUSIC_DIR}, {@code MINSTREL_OWNER_PASSWORD}, ...) or command-line flags
 * ({@code --minstrel.music-dir=...}). Defaults suit a Raspberry Pi.
 *
 * @param musicDir the music folder, created if missing
 * @param dataDir  database, secret key and thumbnail cache
 * @param port     HTTP port (the Cloudflare tunnel points here)
 * @param database where the catalogue, accounts and listens are kept
 * @param security who is trusted to name the client's address, sessions and login throttling
 * @param redis    shared state for several instances; unset, everything stays in this process
 * @param ingest   downloading pasted links with spotDL and yt-dlp
 * @param analytics listening stats
 * @param http     the HTTP server's sockets
 * @param web      the web page
 * @param transcoding ffmpeg transcodes for clients that ask for another format or a lower bit rate
 */
@ConfigurationProperties("minstrel")
public record MinstrelProperties(
        @DefaultValue("./music") Path musicDir,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("4533") int port,
        @DefaultValue Database database,
        @DefaultValue Owner owner,
        @DefaultValue Library library,
        @DefaultValue Security security,
        @DefaultValue Redis redis,
        @DefaultValue Ingest ingest,
        @DefaultValue Analytics analytics,
        @DefaultValue Http http,
        @DefaultValue Web web,
        @DefaultValue Transcoding transcoding) {

    /** Letters, digits and {@code . _ -}, at most 64: a name that is safe in keys and logs. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String NAME_RULE = "may use letters, digits and . _ - (at most 64)";

    // Settings are checked here, in compact constructors with SettingChecks, not with Bean
    // Validation (whose classes cost a tenth of the start-up); docs/architecture.md says how.
    public MinstrelProperties {
        required("music-dir", musicDir);
        required("data-dir", dataDir);
        range("port", port, 1, 65535);
    }

    /**
     * The owner account created on first start.
     *
     * @param password when absent, one is generated and printed once to the log; checked here
     *                 against the account password policy so that a short one stops the start in
     *                 one line rather than with the account service's stack trace
     */
    public record Owner(@DefaultValue("owner") String username, String password) {

        private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
        private static final Pattern PASSWORD = Pattern.compile("(?s)\\s*|.{8,128}");

        public Owner {
            matching("username", notBlank("username", username), USERNAME,
                    "may use letters, digits and . _ @ - (at most 64)");
            matching("password", password, PASSWORD, "needs 8 to 128 characters (leave it empty to have one generated)");
        }
    }

    /**
     * @param ignoredArticles leading words ignored when artists are indexed and sorted
     * @param scanInterval    how often to rescan the music folder; 0 turns scheduled scans off
     * @param watch           rescan when files appear in the music folder
     * @param thumbnailCache  disk space for resized cover art
     * @param scanThreads     threads that read tags during a scan
     */
    public record Library(
            @DefaultValue({"The", "El", "La", "Los", "Las", "Le", "Les", "Die", "Der", "Das", "A", "An"})
            List<String> ignoredArticles,
            @DefaultValue("Various Artists") String variousArtists,
            @DefaultValue("1h") Duration scanInterval,
            @DefaultValue("true") boolean watch,
            @DefaultValue("64MB") DataSize thumbnailCache,
            @DefaultValue("2") int scanThreads) {

        public Library {
            notBlank("various-artists", variousArtists);
            required("scan-interval", scanInterval);
            required("thumbnail-cache", thumbnailCache);
            range("scan-threads", scanThreads, 1, 16);
        }
    }

    /**
     * @param trustedProxies addresses or CIDR ranges whose {@code CF-Connecting-IP} and
     *                       {@code X-Forwarded-For} headers are believed; loopback by default because
     *                       cloudflared runs on the same machine. Empty trusts nobody.
     * @param sessionTtl     how long a web session lives without a request; it is renewed while used
     * @param throttle       brute-force defence for every way in
     */
    public record Security(
            @DefaultValue({"127.0.0.1", "::1"}) List<String> trustedProxies,
            @DefaultValue("30m") Duration sessionTtl,
            @DefaultValue Throttle throttle) {

        public Security {
            required("session-ttl", sessionTtl);
        }
    }

    /**
     * Failed logins allowed per window; past half of them each failure is answered slowly, past
     * all of them the address (or username) is refused until the window ends. A successful login
     * clears its username's count.
     *
     * @param addressFailures  failures allowed from one client address per window
     * @param usernameFailures failures allowed for one username per window, from addresses that
     *                         have not logged in as that user before
     * @param window           how long a block lasts at most
     * @param slowdown         delay added to each failure past half the allowance
     */
    public record Throttle(
            @DefaultValue("20") int addressFailures,
            @DefaultValue("10") int usernameFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("1s") Duration slowdown) {

        public Throttle {
            atLeast("address-failures", addressFailures, 1);
            atLeast("username-failures", usernameFailures, 1);
            required("window", window);
            required("slowdown", slowdown);
        }
    }

    /**
     * @param timeZone the zone of listeners who have not set their own (an IANA id such as
     *                 {@code Europe/Paris}); unset, the machine's zone
     */
    public record Analytics(ZoneId timeZone) {

        public ZoneId serverZone() {
            return timeZone != null ? timeZone : ZoneId.systemDefault();
        }
    }

    /**
     * @param ioThreads  threads that run all HTTP work (Netty event loops); 0 means one per CPU core.
     *                   Reactor Netty's own default of at least four made the 99th percentile of
     *                   Subsonic calls about twice as long on a 2-core machine (bench/run.sh)
     * @param sendBuffer each connection's socket send buffer ({@code SO_SNDBUF}); 0 leaves it to the
     *                   kernel's autotuning. The kernel grows an autotuned buffer to megabytes per
     *                   stream, and then streams reached only about 60% of nginx's throughput on the
     *                   same file; 256KB reached about 95% (bench/run.sh) and bounds the kernel
     *                   memory of many concurrent streams.
     */
    public record Http(
            @DefaultValue("0") int ioThreads,
            @DefaultValue("256KB") DataSize sendBuffer) {

        public Http {
            range("io-threads", ioThreads, 0, 64);
            if (required("send-buffer", sendBuffer).isNegative() || sendBuffer.toMegabytes() > 64) {
                throw new InvalidSettingException("send-buffer", "must be between 0 and 64MB");
            }
        }

        public int ioThreadCount() {
            return ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @param url {@code postgresql://user[:password]@host[:port]/database} runs the server on that
     *            PostgreSQL database (read by {@link DatabaseLocation} before anything starts, see
     *            {@link DatabaseUrl}); unset, an embedded H2 file in the data folder
     */
    public record Database(String url) {

        /** PostgreSQL, which other instances may share (an embedded file is this process's alone). */
        public boolean shared() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param url       e.g. {@code redis://127.0.0.1:6379}; when set, the ingest queue and the
     *                  throttle buckets are shared there
     * @param prefix    the first part of every key: instances of one server share it, and
     *                  another server (or a test) on the same Redis takes another
     */
    public record Redis(
            String url,
            @DefaultValue("minstrel") String prefix) {

        public Redis {
            matching("prefix", notBlank("prefix", prefix), NAME, NAME_RULE);
        }

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param spotdl              the spotDL executable; unset: looked up on PATH when a job starts
     * @param ytDlp               the yt-dlp executable; unset: looked up on PATH when a job starts
     * @param concurrency         downloads at once (1 suits a Pi)
     * @param jobTimeout          a run that takes longer is stopped and retried
     * @param maxAttempts         runs per job before a temporary failure becomes final
     * @param retryBackoff        wait before the second run, doubled for each further one
     * @param diskReserve         a job does not start with less free space in the music folder
     * @param bitrate             spotDL's --bitrate
     * @param spotifyClientId     your own Spotify app; unset: spotDL's shared (rate-limited) one
     * @param spotifyClientSecret its secret
     * @param maxPendingRequests  undecided requests for music one friend may have at once
     * @param node                this instance's name when several share a queue through Redis
     */
    public record Ingest(
            Path spotdl,
            Path ytDlp,
            @DefaultValue("1") int concurrency,
            @DefaultValue("30m") Duration jobTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("30s") Duration retryBackoff,
            @DefaultValue("1GB") DataSize diskReserve,
            @DefaultValue("auto") String bitrate,
            String spotifyClientId,
            String spotifyClientSecret,
            @DefaultValue("5") int maxPendingRequests,
            @DefaultValue("local") String node) {

        public Ingest {
            range("concurrency", concurrency, 1, 8);
            required("job-timeout", jobTimeout);
            range("max-attempts", maxAttempts, 1, 10);
            required("retry-backoff", retryBackoff);
            required("disk-reserve", diskReserve);
            notBlank("bitrate", bitrate);
            range("max-pending-requests", maxPendingRequests, 1, 100);
            matching("node", notBlank("node", node), NAME, NAME_RULE);
        }
    }

    /**
     * @param publicUrl the address friends type into their apps and open invite links at, e.g.
     *                  {@code https://music.example.org} (the tunnel's hostname); unset, the page
     *                  shows the address it was itself opened at
     */
    public record Web(String publicUrl) {

        private static final Pattern PUBLIC_URL = Pattern.compile("(https?://[^\\s/?#]+(/[^\\s?#]*)?)?");

        public Web {
            matching("public-url", publicUrl, PUBLIC_URL,
                    "must be an http:// or https:// address, e.g. https://music.example.org");
        }

        /** The public address without a trailing slash, or null when unset. */
        public String publicAddress() {
            return publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        }
    }

    /**
     * @param ffmpeg         the ffmpeg executable; unset: looked up on PATH at start
     * @param maxConcurrent  transcodes at once; 2 leaves two of the Pi's four cores for everything
     *                       else (one real-time transcode takes a small part of a core, bench/transcode.sh)
     * @param queueWait      how long a stream waits for a free transcode before it gets the original file
     * @param cacheSize      disk space for finished transcodes, served again with byte ranges; 0 = off
     * @param defaultBitRate kbit/s when a client names a format but no bit rate
     * @param lossyFormat    what lossless sources become when a client asks only for a lower bit
     *                       rate: {@code opus}, {@code mp3} or {@code aac}
     */
    public record Transcoding(
            Path ffmpeg,
            @DefaultValue("2") int maxConcurrent,
            @DefaultValue("3s") Duration queueWait,
            @DefaultValue("512MB") DataSize cacheSize,
            @DefaultValue("192") int defaultBitRate,
            @DefaultValue("opus") String lossyFormat) {

        private static final Pattern LOSSY_FORMAT = Pattern.compile("opus|mp3|aac");

        public Transcoding {
            range("max-concurrent", maxConcurrent, 1, 16);
            required("queue-wait", queueWait);
            required("cache-size", cacheSize);
            range("default-bit-rate", defaultBitRate, 32, 320);
            matching("lossy-format", notBlank("lossy-format", lossyFormat), LOSSY_FORMAT, "must be opus, mp3 or aac");
        }
    }
}
