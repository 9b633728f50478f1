package dev.minstrel.subsonic.transcode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs ffmpeg child processes, at most {@link TranscodeSettings#maxConcurrent()} at once. Each one
 * is started with an argument list (no shell), writes to its standard output, and is read only as
 * fast as the client takes the bytes: a slow client slows ffmpeg through the full pipe instead of
 * filling the server's memory. The process is killed as soon as its client goes away, its output
 * ends or the server stops. Output from the start of a track is copied to the {@link TranscodeCache}.
 */
public final class Transcoder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Transcoder.class);
    private static final int READ_SIZE = 16 * 1024;

    private final TranscodeSettings settings;
    private final Path ffmpeg;
    private final Semaphore slots;
    private final TranscodeCache cache;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    public Transcoder(TranscodeSettings settings) {
        this.settings = settings;
        this.ffmpeg = locate(settings.ffmpeg()).orElse(null);
        this.slots = new Semaphore(settings.maxConcurrent(), true);
        this.cache = new TranscodeCache(settings.cacheDir(), settings.cacheBytes());
        if (ffmpeg == null) {
            log.warn("ffmpeg was not found ({}): streams are sent as the original files, and the transcoding "
                    + "extensions are not offered. Install it with 'sudo apt install ffmpeg'.",
                    settings.ffmpeg() != null ? settings.ffmpeg() : "not on PATH");
        }
    }

    /** Whether ffmpeg was found, so that transcodes can run at all. */
    public boolean available() {
        return ffmpeg != null;
    }

    public TranscodeCache cache() {
        return cache;
    }

    /**
     * A place for one transcode, waiting up to {@link TranscodeSettings#queueWait()} for one to
     * free up; empty when none did (or ffmpeg is missing). A slot must be used with
     * {@link Slot#run} or given back with {@link Slot#release}.
     */
    public Mono<Optional<Slot>> reserve() {
        if (ffmpeg == null) {
            return Mono.just(Optional.empty());
        }
        if (slots.tryAcquire()) {
            return Mono.just(Optional.of(new Slot()));
        }
        return Mono.fromCallable(() -> slots.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS)
                        ? Optional.of(new Slot()) : Optional.<Slot>empty())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** A reserved place for one ffmpeg process. */
    public final class Slot {

        private final AtomicBoolean used = new AtomicBoolean();

        private Slot() {
        }

        /** Gives the place back without running anything (a HEAD request, an error before the body). */
        public void release() {
            if (used.compareAndSet(false, true)) {
                slots.release();
            }
        }

        /**
         * The transcode's output; ffmpeg starts when it is subscribed and is killed when the
         * subscriber cancels. A non-zero exit ends the output with an error.
         */
        public Flux<DataBuffer> run(Transcode transcode, Path source, DataBufferFactory buffers) {
            if (!used.compareAndSet(false, true)) {
                return Flux.error(new IllegalStateException("this transcode slot was already used"));
            }
            return Flux.defer(() -> output(transcode, source, buffers)).subscribeOn(Schedulers.boundedElastic());
        }
    }

    private Flux<DataBuffer> output(Transcode transcode, Path source, DataBufferFactory buffers) {
        List<String> command = command(transcode, source);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            slots.release();
            return Flux.error(new UncheckedIOException("ffmpeg could not be started", e));
        }
        running.add(process);
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // ffmpeg reads nothing from its input (-nostdin) either way
        }
        process.onExit().thenRun(() -> {
            running.remove(process);
            slots.release();
        });
        CacheCopy copy = new CacheCopy(transcode);
        return DataBufferUtils.readInputStream(process::getInputStream, buffers, READ_SIZE)
                .doOnNext(copy::write)
                .concatWith(Mono.defer(() -> exit(process, command, copy)))
                .doFinally(signal -> {
                    process.destroyForcibly();
                    copy.end(false);
                });
    }

    /** After the last byte: a good exit keeps the copy in the cache before the client sees the end. */
    private static Mono<DataBuffer> exit(Process process, List<String> command, CacheCopy copy) {
        try {
            int code = process.waitFor();
            if (code != 0) {
                log.warn("ffmpeg exited with {}: {}", code, String.join(" ", command));
                return Mono.error(new IOException("ffmpeg exited with " + code));
            }
            copy.end(true);
            return Mono.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Mono.error(e);
        }
    }

    /** ffmpeg's arguments: the first audio stream only, no tags or pictures, the format's encoder. */
    List<String> command(Transcode transcode, Path source) {
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "error"));
        if (transcode.offsetSeconds() > 0) {
            command.addAll(List.of("-ss", Integer.toString(transcode.offsetSeconds())));
        }
        // "file:" keeps a name containing ':' from being read as a protocol
        command.addAll(List.of("-i", "file:" + source.toAbsolutePath(), "-map", "0:a:0", "-map_metadata", "-1",
                "-vn", "-sn", "-dn"));
        command.addAll(transcode.format().encoderArguments());
        command.addAll(List.of("-b:a", transcode.bitRate() + "k", "-f", transcode.format().container(), "pipe:1"));
        return command;
    }

    /** Stops every running ffmpeg: nothing outlives the server. */
    @Override
    public void close() {
        running.forEach(Process::destroyForcibly);
    }

    /**
     * The bytes of one transcode copied to a cache file as they are sent; kept only when the
     * whole output went out and ffmpeg finished well. Writes and the end may come from different
     * threads (the reader, and the client's cancel).
     */
    private final class CacheCopy {

        private final Transcode transcode;
        private final Path part;
        private FileChannel channel;

        CacheCopy(Transcode transcode) {
            this.transcode = transcode;
            this.part = cache.startWriting(transcode).orElse(null);
            if (part != null) {
                try {
                    channel = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                } catch (IOException e) {
                    log.warn("Cannot write a transcode to the cache: {}", e.toString());
                    cache.discard(part);
                }
            }
        }

        synchronized void write(DataBuffer buffer) {
            if (channel == null) {
                return;
            }
            try (DataBuffer.ByteBufferIterator readable = buffer.readableByteBuffers()) {
                while (readable.hasNext()) {
                    ByteBuffer bytes = readable.next();
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                }
            } catch (IOException e) {
                log.warn("Cannot write a transcode to the cache: {}", e.toString());
                abandon();
            }
        }

        synchronized void end(boolean complete) {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
                channel = null;
                if (complete) {
                    cache.finish(part, transcode);
                } else {
                    cache.discard(part);
                }
            } catch (IOException e) {
                abandon();
            }
        }

        private void abandon() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the part is removed all the same
            }
            channel = null;
            cache.discard(part);
        }
    }

    /**
     * Exactly {@code length} bytes of {@code output}: cut after it, or padded with zeros (which
     * MP3, Ogg and ADTS decoders skip) when the output is shorter. A client given a Content-Length
     * must receive exactly that, or proxies reset the connection and players drop the end.
     */
    public static Flux<DataBuffer> exactly(Flux<DataBuffer> output, long length, DataBufferFactory buffers) {
        return Flux.defer(() -> {
            AtomicLong left = new AtomicLong(length);
            Flux<DataBuffer> cut = output.concatMap(buffer -> {
                long remaining = left.get();
                if (remaining <= 0) {
                    DataBufferUtils.release(buffer);
                    return Mono.empty();
                }
                int readable = buffer.readableByteCount();
                if (readable > remaining) {
                    buffer.writePosition(buffer.readPosition() + (int) remaining);
                }
                left.addAndGet(-Math.min(readable, remaining));
                return Mono.just(buffer);
            });
            Flux<DataBuffer> padding = Flux.defer(() -> Flux.generate(sink -> {
                long remaining = left.get();
                if (remaining <= 0) {
                    sink.complete();
                    return;
                }
                int size = (int) Math.min(READ_SIZE, remaining);
                left.addAndGet(-size);
                sink.next(buffers.wrap(new byte[size]));
            }));
            return cut.concatWith(padding);
        });
    }

    private static Optional<Path> locate(Path configured) {
        if (configured != null) {
            return Files.isExecutable(configured) ? Optional.of(configured) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
