package dev.tower.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A program squatting on a port, pretending to be PostgreSQL: it declines TLS, then asks every client
 * for its password in clear text (code 3) or MD5 (code 5), and records every byte it is sent.
 */
public final class FakePostgresServer implements AutoCloseable {
    public static final int CLEARTEXT = 3;
    public static final int MD5 = 5;
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket server;
    private final int authCode;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final AtomicInteger authRequests = new AtomicInteger();
    private final Thread acceptor;

    private FakePostgresServer(int authCode) throws IOException {
        this.authCode = authCode;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::serve, "fake-postgres");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakePostgresServer start(int authCode) throws IOException {
        return new FakePostgresServer(authCode);
    }

    public int port() { return server.getLocalPort(); }

    /** How many clients got as far as being asked for a password. */
    public int authRequests() { return authRequests.get(); }

    public String received() {
        synchronized (received) {
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(3000);
                talk(client);
            } catch (IOException e) {
                // client gone or server closed: next one
            }
        }
    }

    private void talk(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        DataOutputStream out = new DataOutputStream(client.getOutputStream());
        byte[] packet = readStartupPacket(in);
        while (packet != null && packet.length == 8 && (code(packet) == SSL_REQUEST || code(packet) == GSS_REQUEST)) {
            out.writeByte('N');
            out.flush();
            packet = readStartupPacket(in);
        }
        if (packet == null) {
            return;
        }
        out.writeByte('R');
        if (authCode == MD5) {
            out.writeInt(12);
            out.writeInt(MD5);
            out.write(new byte[] {1, 2, 3, 4});
        } else {
            out.writeInt(8);
            out.writeInt(CLEARTEXT);
        }
        out.flush();
        authRequests.incrementAndGet();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                record(buffer, n);
            }
        } catch (SocketTimeoutException quiet) {
            // the client said nothing more
        }
    }

    private byte[] readStartupPacket(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (IOException eof) {
            return null;
        }
        byte[] body = new byte[Math.max(0, length - 4)];
        in.readFully(body);
        byte[] whole = new byte[length];
        whole[0] = (byte) (length >>> 24);
        whole[1] = (byte) (length >>> 16);
        whole[2] = (byte) (length >>> 8);
        whole[3] = (byte) length;
        System.arraycopy(body, 0, whole, 4, body.length);
        record(whole, whole.length);
        return whole;
    }

    private static int code(byte[] packet) {
        return ((packet[4] & 0xff) << 24) | ((packet[5] & 0xff) << 16) | ((packet[6] & 0xff) << 8) | (packet[7] & 0xff);
    }

    private void record(byte[] bytes, int n) {
        synchronized (received) {
            received.write(bytes, 0, n);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
