package com.datawow.datalog.ops;

import javax.net.ssl.SSLServerSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;

/**
 * RMI server sockets bound to one address (the JDK's factories listen on every interface), plain
 * or TLS. A record, so equal factories let the registry and the connector share one port.
 */
record BoundServerSockets(InetAddress address, boolean ssl) implements RMIServerSocketFactory {

    private static final int BACKLOG = 50;

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return ssl
                // the key comes from the JVM's default key store: -Djavax.net.ssl.keyStore=... -Djavax.net.ssl.keyStorePassword=...
                ? SSLServerSocketFactory.getDefault().createServerSocket(port, BACKLOG, address)
                : new ServerSocket(port, BACKLOG, address);
    }
}
