package dev.minstrel.library.tags;

import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentReader;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads Ogg Opus files, which jaudiotagger 3.0.1 does not know: the OpusHead packet (channels,
 * pre-skip), the OpusTags packet (a Vorbis comment, parsed by jaudiotagger) and the granule
 * position of the last page, which counts 48 kHz samples and so gives the length.
 */
final class OpusFile {

    private static final int OPUS_RATE = 48_000;
    private static final int MAX_PAGE = 27 + 255 + 255 * 255;

    record Info(VorbisCommentTag tag, int channels, double seconds, long audioBytes) {
    }

    private OpusFile() {
    }

    static Info read(Path file) throws IOException, UnreadableFileException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            PacketReader packets = new PacketReader(channel);
            byte[] head = packets.next();
            if (head == null || head.length < 19 || !startsWith(head, "OpusHead")) {
                throw new UnreadableFileException("not an Ogg Opus file (no OpusHead packet)");
            }
            int channels = head[9] & 0xFF;
            int preSkip = ByteBuffer.wrap(head, 10, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
            byte[] tags = packets.next();
            if (tags == null || !startsWith(tags, "OpusTags")) {
                throw new UnreadableFileException("the Opus file has no OpusTags packet");
            }
            byte[] comment = new byte[tags.length - 8];
            System.arraycopy(tags, 8, comment, 0, comment.length);
            VorbisCommentTag tag;
            try {
                tag = new VorbisCommentReader().read(comment, false, file);
            } catch (CannotReadException e) {
                throw new UnreadableFileException("the Opus tags are damaged", e);
            }
            long headerBytes = packets.position();
            long granule = lastGranule(channel, size);
            double seconds = Math.max(0, granule - preSkip) / (double) OPUS_RATE;
            return new Info(tag, channels, seconds, size - headerBytes);
        }
    }

    private static boolean startsWith(byte[] packet, String magic) {
        byte[] expected = magic.getBytes(StandardCharsets.US_ASCII);
        if (packet.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (packet[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static long lastGranule(FileChannel channel, long size) throws IOException {
        int length = (int) Math.min(size, MAX_PAGE);
        ByteBuffer tail = ByteBuffer.allocate(length);
        channel.read(tail, size - length);
        byte[] bytes = tail.array();
        for (int i = length - 27; i >= 0; i--) {
            if (bytes[i] == 'O' && bytes[i + 1] == 'g' && bytes[i + 2] == 'g' && bytes[i + 3] == 'S') {
                return ByteBuffer.wrap(bytes, i + 6, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            }
        }
        return 0;
    }

    /** Reassembles packets from Ogg pages, in order, from the start of the stream. */
    private static final class PacketReader {
        private final FileChannel channel;
        private long position;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private byte[] lacing = new byte[0];
        private int lacingIndex;
        private ByteBuffer body = ByteBuffer.allocate(0);

        PacketReader(FileChannel channel) {
            this.channel = channel;
        }

        long position() {
            return position;
        }

        byte[] next() throws IOException, UnreadableFileException {
            while (true) {
                while (lacingIndex < lacing.length) {
                    int segment = lacing[lacingIndex++] & 0xFF;
                    byte[] bytes = new byte[segment];
                    body.get(bytes);
                    pending.write(bytes, 0, segment);
                    if (segment < 255) {
                        byte[] packet = pending.toByteArray();
                        pending.reset();
                        return packet;
                    }
                }
                if (!readPage()) {
                    return null;
                }
            }
        }

        private boolean readPage() throws IOException, UnreadableFileException {
            ByteBuffer header = ByteBuffer.allocate(27);
            if (channel.read(header, position) < 27) {
                return false;
            }
            byte[] h = header.array();
            if (h[0] != 'O' || h[1] != 'g' || h[2] != 'g' || h[3] != 'S') {
                throw new UnreadableFileException("not an Ogg file (no page header where one was expected)");
            }
            int segments = h[26] & 0xFF;
            ByteBuffer table = ByteBuffer.allocate(segments);
            channel.read(table, position + 27);
            lacing = table.array();
            lacingIndex = 0;
            int bodyLength = 0;
            for (byte b : lacing) {
                bodyLength += b & 0xFF;
            }
            body = ByteBuffer.allocate(bodyLength);
            if (channel.read(body, position + 27 + segments) < bodyLength) {
                throw new UnreadableFileException("the Ogg file is cut short");
            }
            body.flip();
            position += 27 + segments + bodyLength;
            return true;
        }
    }
}
