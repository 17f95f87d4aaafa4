package com.datawow.datalog.testing;

import com.datawow.datalog.db.JdbcUrl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder in front of the test PostgreSQL, to stage outages: {@link #cut()}
 * drops every connection and refuses new ones (the server address is unreachable), and
 * {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(String targetHost, int targetPort, ServerSocket server) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = server;
        this.port = server.getLocalPort();
        acceptInBackground(server);
    }

    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(host, port, bind(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A proxy for the server of a JDBC URL ({@code jdbc:postgresql://host:port/db}). */
    public static TcpProxy forJdbcUrl(String jdbcUrl) {
        JdbcUrl url = JdbcUrl.parse(jdbcUrl);
        return to(url.host(), url.port());
    }

    /** The JDBC URL through this proxy. */
    public String proxiedUrl(String jdbcUrl) {
        return JdbcUrl.parse(jdbcUrl).withServer("127.0.0.1", port).toString();
    }

    public int port() {
        return port;
    }

    /** The database becomes unreachable: open connections drop, new ones are refused. */
    public synchronized void cut() {
        closeQuietly(server);
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    public synchronized void restore() {
        if (!server.isClosed()) {
            return;
        }
        try {
            server = bind(port);
            acceptInBackground(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen again on port " + port, e);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptInBackground(ServerSocket listening) {
        Thread.ofVirtual().name("proxy-accept-" + port).start(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    client.setTcpNoDelay(true);   // the protocol is chatty: Nagle would stall each round trip
                    upstream.setTcpNoDelay(true);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
