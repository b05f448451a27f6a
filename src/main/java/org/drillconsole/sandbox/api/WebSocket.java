package org.drillconsole.sandbox.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server side of a WebSocket (RFC 6455) as a watch needs it: text frames out, and the client's
 * frames read only to answer pings and to notice the close.
 */
public final class WebSocket {

    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private final InputStream in;
    private final OutputStream out;
    private boolean closeSent;

    WebSocket(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    public void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a normal close (1000) once. */
    public void close() {
        try {
            synchronized (this) {
                if (closeSent) {
                    return;
                }
                closeSent = true;
            }
            send(CLOSE, new byte[] {0x03, (byte) 0xE8});
        } catch (IOException gone) {
            // the client is already gone
        }
    }

    /** Reads the client's frames until it closes; answers pings on the way. */
    public void readUntilClosed() {
        try {
            while (true) {
                int first = in.read();
                int second = in.read();
                if (first < 0 || second < 0) {
                    return;
                }
                int opcode = first & 0x0F;
                long length = second & 0x7F;
                if (length == 126) {
                    length = (readByte() << 8) | readByte();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | readByte();
                    }
                }
                if (length > 1 << 20) {
                    return;
                }
                byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
                byte[] payload = in.readNBytes((int) length);
                if (payload.length != length) {
                    return;
                }
                if (mask != null && mask.length == 4) {
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                }
                if (opcode == CLOSE) {
                    close();
                    return;
                }
                if (opcode == PING) {
                    send(PONG, payload);
                }
            }
        } catch (IOException gone) {
            // cut off
        }
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private synchronized void send(int opcode, byte[] payload) throws IOException {
        out.write(0x80 | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            long length = payload.length;
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >>> shift) & 0xFF);
            }
        }
        out.write(payload);
        out.flush();
    }
}
