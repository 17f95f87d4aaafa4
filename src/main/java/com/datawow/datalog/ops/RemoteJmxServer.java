package com.datawow.datalog.ops;

import com.datawow.datalog.failure.Stopping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.MBeanServer;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Remote JMX over RMI, only when configured: the RMI registry and the connector share one port,
 * bound to the configured address, every connection authenticated with the configured user and
 * password, optionally over TLS. Clients connect to {@code service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi}
 * ({@link #serviceUrl()}); closing stops the connector and unexports the registry.
 */
public record RemoteJmxServer(Registry registry, JMXConnectorServer connector, String serviceUrl) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJmxServer.class);

    public static RemoteJmxServer start(RemoteJmxSettings settings, MBeanServer mbeans) throws IOException {
        InetAddress address = InetAddress.getByName(settings.host());
        BoundServerSockets serverSockets = new BoundServerSockets(address, settings.ssl());
        SslRMIClientSocketFactory clientSockets = settings.ssl() ? new SslRMIClientSocketFactory() : null;
        Registry registry = LocateRegistry.createRegistry(settings.port(), clientSockets, serverSockets);
        try {
            Map<String, Object> environment = new HashMap<>();
            environment.put(JMXConnectorServer.AUTHENTICATOR, new PasswordAuthenticator(new OperatorCredentials(settings.user(), settings.password())));
            environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, serverSockets);
            // only a String[] of user and password may be deserialised from an unauthenticated client
            environment.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, String[].class.getName() + ";" + String.class.getName() + ";!*");
            if (clientSockets != null) {
                environment.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, clientSockets);
                environment.put("com.sun.jndi.rmi.factory.socket", clientSockets); // to bind into the TLS registry
            }
            String hostPort = settings.host() + ":" + settings.port();
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + hostPort + "/jndi/rmi://" + hostPort + "/jmxrmi");
            JMXConnectorServer connector = JMXConnectorServerFactory.newJMXConnectorServer(url, environment, mbeans);
            connector.start();
            String serviceUrl = settings.serviceUrl(settings.port());
            LOG.info("Remote JMX listening: {} (user {}, {})", serviceUrl, settings.user(), settings.ssl() ? "TLS" : "no TLS");
            return new RemoteJmxServer(registry, connector, serviceUrl);
        } catch (IOException | RuntimeException e) {
            unexport(registry);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            Stopping.logFailure(LOG, "Remote JMX connector", connector::stop);
        } finally {
            unexport(registry);
        }
    }

    private static void unexport(Registry registry) {
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException ignored) {
            // already gone
        }
    }
}
