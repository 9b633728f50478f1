package dev.minstrel.ingest;

import dev.minstrel.ingest.download.DownloadEvent;
import dev.minstrel.ingest.download.Failure;
import dev.minstrel.ingest.events.IngestEvent;
import dev.minstrel.ingest.events.IngestEvents;
import dev.minstrel.ingest.job.ItemState;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.library.catalogue.Track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One run of a job: turns downloader events into item changes, pushing each to live clients first
 * and then storing it. Songs are matched to items by the downloader's key; a list link grows to one
 * item per song when the downloader says how many it found. The job's link is parsed once, when the
 * run starts, and read from here by every step.
 */
final class JobRun {

    private final Job job;
    private final Link link;
    private final Function<Link, Optional<Track>> library;
    private final JobStore store;
    private final IngestEvents events;
    private final List<JobItem> items;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, DownloadEvent.SongFile> files = new LinkedHashMap<>();
    private final List<Failure> unattributed = new ArrayList<>();
    private final Map<Integer, Failure> failures = new HashMap<>();
    private final Set<String> ready = new LinkedHashSet<>();
    private volatile long rateLimitSeconds;

    /** @param library the library's track that came from a single-song link, if it has one */
    JobRun(Job job, Link link, JobStore store, IngestEvents events, Function<Link, Optional<Track>> library) {
        this.job = job;
        this.link = link;
        this.library = library;
        this.store = store;
        this.events = events;
        this.items = new ArrayList<>(job.items());
        for (JobItem item : items) {
            if (item.title() != null && item.artist() != null) {
                positions.put(item.artist() + " - " + item.title(), item.position());
            }
        }
    }

    Job job() {
        return job;
    }

    Link link() {
        return link;
    }

    synchronized void on(DownloadEvent event) {
        if (event instanceof DownloadEvent.ListFound found) {
            grow(found.count());
        } else if (event instanceof DownloadEvent.SongProgress progress) {
            JobItem item = itemFor(progress.key());
            if (!item.state().isFinal()) {
                if (progress.title() != null) {
                    item = item.named(progress.title(), progress.artist(), null);
                }
                update(item.progress(ItemState.RUNNING, progress.percent()));
            }
            if (progress.percent() >= DownloadEvent.SongProgress.DOWNLOADED) {
                ready.add(progress.key());
            }
        } else if (event instanceof DownloadEvent.SongFile file) {
            itemFor(file.key());
            files.put(file.key(), file);
            ready.add(file.key());
        } else if (event instanceof DownloadEvent.SongFailed failed) {
            if (failed.key() == null) {
                unattributed.add(failed.failure());
            } else {
                failures.put(itemFor(failed.key()).position(), failed.failure());
            }
        } else if (event instanceof DownloadEvent.SongInLibrary skipped) {
            JobItem item = itemFor(skipped.key());
            // the downloader skipped it as one the library has; were it gone meanwhile, the item stays open and is retried
            library.apply(skipped.source()).ifPresent(track -> inLibrary(item, track));
        } else if (event instanceof DownloadEvent.RateLimited limited) {
            rateLimitSeconds = Math.max(rateLimitSeconds, limited.seconds());
        }
    }

    /** Songs the downloader finished whose files are not in the library yet. */
    synchronized Set<String> ready() {
        return Set.copyOf(ready);
    }

    synchronized void landed(String key) {
        ready.remove(key);
    }

    long rateLimitSeconds() {
        return rateLimitSeconds;
    }

    synchronized Map<String, DownloadEvent.SongFile> announcedFiles() {
        return new LinkedHashMap<>(files);
    }

    /** The item a downloader key belongs to: known, else the first unnamed one, else a new one. */
    synchronized JobItem itemFor(String key) {
        Integer known = positions.get(key);
        if (known != null) {
            return items.get(known);
        }
        JobItem free = items.stream()
                .filter(i -> !positions.containsValue(i.position()) && !i.state().isFinal())
                .findFirst().orElse(null);
        if (free == null) {
            free = JobItem.waiting(items.size());
            items.add(free);
            store.replaceItems(job.id(), List.copyOf(items)).block();
            events.publish(IngestEvent.job(snapshot()));
        }
        positions.put(key, free.position());
        return free;
    }

    synchronized void succeeded(JobItem item, String trackId, String title, String artist, String album) {
        update(items.get(item.position()).named(title, artist, album).succeeded(trackId));
    }

    /** Done without downloading: the library has the song already, as {@code track}. */
    synchronized void inLibrary(JobItem item, Track track) {
        update(items.get(item.position()).named(track.title(), track.artist(), track.album()).inLibrary(track.id()));
    }

    synchronized void failed(JobItem item, Failure failure) {
        failures.put(item.position(), failure);
        update(items.get(item.position()).failed(failure.reason()));
    }

    /** Every item still open after the files were landed failed: with its own error, else the run's. */
    synchronized void failOpenItems(Optional<Failure> fatal) {
        for (JobItem item : List.copyOf(items)) {
            if (item.state().isFinal()) {
                continue;
            }
            Failure failure = failures.get(item.position());
            if (failure == null && !unattributed.isEmpty()) {
                failure = unattributed.remove(0);
            }
            if (failure == null) {
                failure = fatal.orElse(Failure.temporary("The downloader finished without producing a file for this song."));
            }
            failed(item, failure);
        }
    }

    synchronized void failAll(Failure failure) {
        for (JobItem item : List.copyOf(items)) {
            if (!item.state().isFinal()) {
                failed(item, failure);
            }
        }
    }

    synchronized boolean anyTransientFailure() {
        return items.stream().anyMatch(i -> i.state() == ItemState.FAILED
                && failures.getOrDefault(i.position(), Failure.temporary("")).transientFailure());
    }

    synchronized List<JobItem> items() {
        return List.copyOf(items);
    }

    /** Failed items go back to waiting before the job is queued for another run. */
    synchronized void reopenFailed() {
        for (JobItem item : List.copyOf(items)) {
            if (item.state() == ItemState.FAILED) {
                JobItem reopened = item.requeued();
                items.set(item.position(), reopened);
                store.saveItem(job.id(), reopened).block();
            }
        }
    }

    synchronized Job snapshot() {
        return job.withItems(items);
    }

    private void grow(int count) {
        if (count <= items.size()) {
            return;
        }
        while (items.size() < count) {
            items.add(JobItem.waiting(items.size()));
        }
        store.replaceItems(job.id(), List.copyOf(items)).block();
        events.publish(IngestEvent.job(snapshot()));
    }

    private void update(JobItem item) {
        items.set(item.position(), item);
        events.publish(IngestEvent.item(job, item));
        store.saveItem(job.id(), item).block();
    }

}
