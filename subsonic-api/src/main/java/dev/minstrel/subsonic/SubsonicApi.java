package dev.minstrel.subsonic;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.history.PlayHistory;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.subsonic.annotation.AnnotationEndpoints;
import dev.minstrel.subsonic.annotation.AnnotationStore;
import dev.minstrel.subsonic.protocol.Authenticator;
import dev.minstrel.subsonic.auth.LoginGuard;
import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.browse.BrowseEndpoints;
import dev.minstrel.subsonic.cover.CoverArtEndpoints;
import dev.minstrel.subsonic.cover.CoverArtUrls;
import dev.minstrel.subsonic.lists.ListEndpoints;
import dev.minstrel.subsonic.lists.NowPlayingEndpoints;
import dev.minstrel.subsonic.media.MediaEndpoints;
import dev.minstrel.subsonic.media.TranscodeEndpoints;
import dev.minstrel.subsonic.view.ViewSource;
import dev.minstrel.subsonic.playlist.PlaylistCoverArt;
import dev.minstrel.subsonic.playlist.PlaylistEndpoints;
import dev.minstrel.subsonic.playlist.MirroredPlaylists;
import dev.minstrel.subsonic.playlist.PlaylistStore;
import dev.minstrel.subsonic.playqueue.PlayQueueEndpoints;
import dev.minstrel.subsonic.protocol.Cors;
import dev.minstrel.subsonic.protocol.Dispatcher;
import dev.minstrel.subsonic.protocol.Endpoints;
import dev.minstrel.subsonic.protocol.ResponseWriter;
import dev.minstrel.subsonic.protocol.RestErrorHandler;
import dev.minstrel.subsonic.protocol.SubsonicSettings;
import dev.minstrel.subsonic.search.SearchEndpoints;
import dev.minstrel.subsonic.system.SystemEndpoints;
import dev.minstrel.subsonic.transcode.TranscodeDecisions;
import dev.minstrel.subsonic.transcode.TranscodePolicy;
import dev.minstrel.subsonic.transcode.TranscodeProfiles;
import dev.minstrel.subsonic.transcode.TranscodeSettings;
import dev.minstrel.subsonic.transcode.Transcoder;
import dev.minstrel.subsonic.user.DeletedUsers;
import dev.minstrel.subsonic.user.UserEndpoints;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Set;

/**
 * The Subsonic 1.16.1 + OpenSubsonic API as one WebFlux router, wired here; the methods and their
 * handlers are listed in {@link SubsonicRoutes}: {@code /rest/<method>} and
 * {@code /rest/<method>.view}, GET, POST (query and urlencoded form merged), HEAD (media) and CORS
 * preflight. The server registers {@link #router()} as a bean; the per-user tables come from this
 * module's Flyway migrations ({@code classpath:db/migration}).
 */
public final class SubsonicApi implements AutoCloseable {

    private final RouterFunction<ServerResponse> router;
    private final DeletedUsers deletedUsers;
    private final RestErrorHandler errorHandler;
    private final Endpoints endpoints;
    private final Transcoder transcoder;
    private final TranscodeProfiles transcodeProfiles;
    private final MirroredPlaylists mirroredPlaylists;
    private final AnnotationStore annotations;

    /**
     * @param analytics the listens: scrobbles become listens, which give play counts, frequent and
     *                 recent albums, top songs, now playing and the playlists made from listening
     * @param imageUrlKey signs the credential-free image URLs of getArtistInfo and getAlbumInfo: at
     *                 least 256 bits, secret, used for nothing else, and the same across restarts
     *                 (or the URLs clients stored stop working)
     * @param transcoding ffmpeg, its concurrency and the cache of finished transcodes
     */
    public SubsonicApi(MusicLibrary library, SubsonicAccounts accounts, LoginGuard loginGuard, DatabaseClient database,
                       Analytics analytics, Clock clock, SubsonicSettings settings,
                       byte[] imageUrlKey, TranscodeSettings transcoding) {
        PlayHistory history = analytics.history();
        this.annotations = new AnnotationStore(database, history, settings.sharedCacheFor());
        // the database client joins these transactions: they are over its own connection factory
        TransactionalOperator transactions = TransactionalOperator.create(
                new R2dbcTransactionManager(database.getConnectionFactory()));
        ViewSource views = new ViewSource(library, annotations);
        CoverArtUrls coverArtUrls = new CoverArtUrls(imageUrlKey);
        this.transcodeProfiles = new TranscodeProfiles(database, transactions, clock);
        this.deletedUsers = new DeletedUsers(database, transactions, annotations, transcodeProfiles);
        PlaylistStore playlists = new PlaylistStore(database, transactions);
        this.mirroredPlaylists = new MirroredPlaylists(playlists, clock);
        this.transcoder = new Transcoder(transcoding);
        TranscodePolicy transcodePolicy = new TranscodePolicy(transcoding);
        this.endpoints = new SubsonicRoutes(
                new SystemEndpoints(library, transcoder.available()),
                new BrowseEndpoints(library, views, settings, history, coverArtUrls),
                new ListEndpoints(views, clock),
                new NowPlayingEndpoints(views, history, accounts),
                new SearchEndpoints(views),
                new PlaylistEndpoints(playlists, analytics.playlists(), accounts, views, clock),
                new MediaEndpoints(library, transcodePolicy, transcodeProfiles, transcoder),
                new TranscodeEndpoints(library, new TranscodeDecisions(transcoding, transcoder.available()), transcoder),
                new CoverArtEndpoints(library, new PlaylistCoverArt(playlists, analytics.playlists(), library)),
                coverArtUrls,
                new AnnotationEndpoints(library, annotations, analytics.recorder(), clock),
                new PlayQueueEndpoints(database, transactions, views, clock),
                new UserEndpoints(accounts)).table();
        ResponseWriter writer = new ResponseWriter(settings);
        this.errorHandler = new RestErrorHandler(writer, settings);
        Dispatcher dispatcher = new Dispatcher(endpoints, new Authenticator(accounts, loginGuard), writer, settings,
                errorHandler);
        this.router = RouterFunctions.route(RequestPredicates.path("/rest/{method}")
                        .and(RequestPredicates.method(HttpMethod.GET).or(RequestPredicates.method(HttpMethod.POST))
                                .or(RequestPredicates.method(HttpMethod.HEAD)).or(RequestPredicates.method(HttpMethod.OPTIONS))),
                        dispatcher::handle)
                .filter(new Cors());
    }

    public RouterFunction<ServerResponse> router() {
        return router;
    }

    /** The Subsonic methods this API answers, by name; not those it refuses as unavailable. */
    public Set<String> methods() {
        return endpoints.names();
    }

    /**
     * Answers errors under /rest that never reached a Subsonic method (no such route, a refused
     * request) with the Subsonic envelope; a server registers it as a WebExceptionHandler bean.
     */
    public RestErrorHandler errorHandler() {
        return errorHandler;
    }

    /** Playlists mirroring watched Spotify and YouTube playlists, read-only for every app. */
    public MirroredPlaylists mirroredPlaylists() {
        return mirroredPlaylists;
    }

    /** Stops the running transcodes: no ffmpeg outlives the server. */
    @Override
    public void close() {
        transcoder.close();
    }

    /** The owner's transcoding defaults per user and app, which {@code stream} applies. */
    public TranscodeProfiles transcodeProfiles() {
        return transcodeProfiles;
    }

    /**
     * A user's listens changed in bulk (an import): the play counts every app sees are read again on
     * their next call, instead of staying as this server last counted them.
     */
    public void listensChanged(String userId) {
        annotations.reload(userId);
    }

    /** Deletes a deleted account's stars, ratings, playlists, play queue and bookmarks. */
    public Mono<Void> forgetUser(String userId) {
        return deletedUsers.forget(userId);
    }
}
