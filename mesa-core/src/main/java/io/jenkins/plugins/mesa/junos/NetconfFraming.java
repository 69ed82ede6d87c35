package io.jenkins.plugins.mesa.junos;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * NETCONF message framing on raw bytes: RFC 4742 end-of-message marker {@code ]]>]]>} (Junos'
 * default, and always used for the hello) and RFC 6242 chunked framing
 * ({@code \n#<bytes>\n...\n##\n}) once both peers announced base:1.1. Reads never look past the
 * end of the current message.
 */
final class NetconfFraming {
    static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
    private static final byte[] EOM = "]]>]]>".getBytes(StandardCharsets.US_ASCII);

    private NetconfFraming() {
    }

    static void write(OutputStream out, byte[] message, boolean chunked) throws IOException {
        if (chunked) {
            out.write(("\n#" + message.length + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(message);
            out.write("\n##\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(message);
            out.write(EOM);
        }
        out.flush();
    }

    /** One message, or {@code null} if the stream ended cleanly before a new message began. */
    static byte[] read(InputStream in, boolean chunked) throws IOException {
        return chunked ? readChunked(in) : readEndOfMessage(in);
    }

    /** KMP failure function of the end-of-message marker. */
    private static final int[] EOM_FALLBACK = {0, 1, 0, 1, 2, 3};

    private static byte[] readEndOfMessage(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
        int matched = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (buf.size() == 0 && matched == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a message");
            }
            while (matched > 0 && b != EOM[matched]) {
                int fallback = EOM_FALLBACK[matched - 1];
                buf.write(EOM, 0, matched - fallback);
                matched = fallback;
            }
            if (b == EOM[matched]) {
                if (++matched == EOM.length) {
                    return buf.toByteArray();
                }
            } else {
                buf.write(b);
                if (buf.size() > MAX_MESSAGE_BYTES) {
                    throw new IOException("NETCONF message larger than " + MAX_MESSAGE_BYTES + " bytes");
                }
            }
        }
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
        boolean atStart = true;
        while (true) {
            int first = in.read();
            if (first < 0 && atStart) {
                return null;
            }
            atStart = false;
            require(first, '\n');
            require(in.read(), '#');
            int c = in.read();
            if (c == '#') {
                require(in.read(), '\n');
                return buf.toByteArray();
            }
            if (c < '1' || c > '9') {
                throw new IOException("bad chunk header");
            }
            long size = 0;
            int digits = 0;
            while (c >= '0' && c <= '9') {
                size = size * 10 + (c - '0');
                if (++digits > 10) {
                    throw new IOException("chunk size too long");
                }
                c = in.read();
            }
            require(c, '\n');
            if (size > 4294967295L || buf.size() + size > MAX_MESSAGE_BYTES) {
                throw new IOException("chunk of " + size + " bytes exceeds the message limit");
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length != size) {
                throw new EOFException("stream ended inside a chunk");
            }
            buf.write(data);
        }
    }

    private static void require(int got, char expected) throws IOException {
        if (got < 0) {
            throw new EOFException("stream ended inside chunk framing");
        }
        if (got != expected) {
            throw new IOException("bad chunk framing: expected '" + printable(expected) + "', got byte " + got);
        }
    }

    private static String printable(char c) {
        return c == '\n' ? "\\n" : String.valueOf(c);
    }
}
