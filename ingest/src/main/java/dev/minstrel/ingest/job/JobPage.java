package dev.minstrel.ingest.job;

import java.util.List;

/** One page of jobs, newest first. */
public record JobPage(List<Job> jobs, int offset, int limit, long total) {
}
