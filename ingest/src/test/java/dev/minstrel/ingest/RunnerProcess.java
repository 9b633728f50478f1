package dev.minstrel.ingest;

import dev.minstrel.ingest.fake.FakeTools;

import java.nio.file.Path;

/**
 * A Minstrel stand-in in its own JVM, so a test can kill -9 it mid-job: it starts ingest over the
 * given folder (database, music, fakes already installed in {@code bin/}), submits the link, prints
 * the job id and keeps working until killed.
 */
public final class RunnerProcess {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        IngestFixture ingest = IngestFixture.start(dir, new FakeTools(dir));
        System.out.println("JOB " + ingest.submit(args[1]).id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
