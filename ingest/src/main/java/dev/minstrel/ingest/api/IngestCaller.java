package dev.minstrel.ingest.api;

/**
 * Who is calling the ingest endpoints, as the server's authentication knows them.
 *
 * @param canIngest the owner, or a friend granted {@code ingest}
 */
public record IngestCaller(String id, String username, boolean owner, boolean canIngest) {

    public boolean mayIngest() {
        return owner || canIngest;
    }
}
