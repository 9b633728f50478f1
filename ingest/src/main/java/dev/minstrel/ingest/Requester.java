package dev.minstrel.ingest;

/**
 * Who asks the ingest service for something, as the server's accounts know them: the owner sees
 * and manages every job, a friend granted {@code ingest} their own, anyone else nothing.
 *
 * @param userId    the account's id, stored as the owner of the jobs it creates
 * @param canIngest the owner, or a friend granted {@code ingest}
 */
public record Requester(String userId, boolean owner, boolean canIngest) {

    public boolean mayIngest() {
        return owner || canIngest;
    }
}
