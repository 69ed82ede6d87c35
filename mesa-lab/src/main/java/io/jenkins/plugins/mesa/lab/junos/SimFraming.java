package io.jenkins.plugins.mesa.lab.junos;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The simulator's own NETCONF framing: RFC 4742 end-of-message ({@code ]]>]]>}) as Junos uses by
 * default, and RFC 6242 chunked framing once both hellos announced base:1.1. Works on bytes, so
 * chunk lengths are byte counts.
 */
final class SimFraming {
    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private SimFraming() {
    }

    /** Reads one message; {@code null} at a clean end of stream between messages. */
    static byte[] read(InputStream in, boolean chunked) throws IOException {
        return chunked ? readChunked(in) : readEom(in);
    }

    static void write(OutputStream out, byte[] message, boolean chunked) throws IOException {
        if (chunked) {
            // Split large messages like real servers do, so clients must loop over chunks.
            int off = 0;
            while (off < message.length) {
                int len = Math.min(4096, message.length - off);
                out.write(("\n#" + len + "\n").getBytes(StandardCharsets.US_ASCII));
                out.write(message, off, len);
                off += len;
            }
            out.write("\n##\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(message);
            out.write(EOM);
        }
        out.flush();
    }

    private static byte[] readEom(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] tail = new byte[EOM.length];
        long count = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (count == 0) {
                    return null;
                }
                throw new EOFException("end of stream inside a message");
            }
            buf.write(b);
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tail[tail.length - 1] = (byte) b;
            count++;
            if (count >= EOM.length && java.util.Arrays.equals(tail, EOM)) {
                byte[] all = buf.toByteArray();
                return java.util.Arrays.copyOf(all, all.length - EOM.length);
            }
            if (count > MAX_MESSAGE) {
                throw new IOException("message too large");
            }
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        boolean first = true;
        while (true) {
            int lf = in.read();
            if (lf < 0 && first) {
                return null;
            }
            first = false;
            expect(lf, '\n');
            expect(in.read(), '#');
            int c = in.read();
            if (c == '#') {
                expect(in.read(), '\n');
                return buf.toByteArray();
            }
            long len = 0;
            int digits = 0;
            while (c >= '0' && c <= '9') {
                len = len * 10 + (c - '0');
                if (++digits > 10) {
                    throw new IOException("chunk size too long");
                }
                c = in.read();
            }
            expect(c, '\n');
            if (digits == 0 || len < 1 || buf.size() + len > MAX_MESSAGE) {
                throw new IOException("bad chunk size " + len);
            }
            byte[] chunk = in.readNBytes((int) len);
            if (chunk.length != len) {
                throw new EOFException("end of stream inside a chunk");
            }
            buf.write(chunk);
        }
    }

    private static void expect(int got, char want) throws IOException {
        if (got < 0) {
            throw new EOFException("end of stream inside chunk framing");
        }
        if (got != want) {
            throw new IOException("bad chunk framing: expected '" + want + "' got " + got);
        }
    }
}
